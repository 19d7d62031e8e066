using Microsoft.AspNetCore.Mvc;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Admin;

/// <summary>
/// HTTP functions behind API keys, checked in the function's own call path (neither host runs middleware for us) and
/// before the body is read, so a stranger's malformed body gets 401 rather than a validation answer: a valid
/// <c>Authorization: Bearer</c> key (else 401), a business in the key's scope when the route has one (else 404, as if
/// it did not exist), and a role the function admits (else 403).
/// </summary>
public static class ApiAccess
{
    private static readonly object CallerKey = new();

    /// <summary>The caller of a request inside <see cref="RunAsync"/>.</summary>
    public static ApiCaller GetCaller(this HttpContext http) =>
        http.Items.TryGetValue(CallerKey, out var caller) && caller is ApiCaller c ? c
            : throw new InvalidOperationException("GetCaller() works only inside ApiAccess.RunAsync.");

    /// <summary>
    /// The access check itself, callable from a function's own call path (the Functions worker has no endpoint
    /// filters): a valid key (else 401), a business in its scope when there is one (else 404, as if it did not
    /// exist), and a role every set admits (else 403). Exactly one of the two results is set.
    /// </summary>
    public static async Task<(ApiCaller? Caller, IResult? Denied)> AuthorizeAsync(
        HttpRequest request, string? businessId, IEnumerable<IReadOnlySet<ApiRole>> roleSets)
    {
        var store = request.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
        var caller = await store.AuthenticateAsync(BearerKey(request), request.HttpContext.RequestAborted);
        if (caller is null)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, Results.Problem(title: "Unauthorized", detail: "Send an API key as 'Authorization: Bearer <key>' (or 'X-Api-Key: <key>').",
                statusCode: StatusCodes.Status401Unauthorized));
        }

        // Scope before role: anything of another business looks the same to every key, whatever its role.
        if (businessId is not null && !caller.CanAccess(businessId)) return (null, BusinessNotFound(businessId));

        if (roleSets.Any(set => !set.Contains(caller.Role)))
            return (null, Results.Problem(title: "Forbidden", detail: $"A key with the role '{caller.Role.ToWire()}' may not do this.",
                statusCode: StatusCodes.Status403Forbidden));
        return (caller, null);
    }

    /// <summary>
    /// An HTTP function's call path behind a key: <paramref name="handler"/> runs for a caller that passes
    /// <see cref="AuthorizeAsync"/> with <paramref name="allowed"/> (and is what <see cref="GetCaller"/> answers
    /// meanwhile); anyone else gets the denial. Runs before the body is read, like the endpoint gate.
    /// </summary>
    public static async Task<IActionResult> RunAsync(this HttpRequest request, string? businessId, IReadOnlySet<ApiRole> allowed,
        Func<ApiCaller, Task<IResult>> handler)
    {
        var (caller, denied) = await AuthorizeAsync(request, businessId, [allowed]);
        if (denied is not null) return denied.ToActionResult();
        request.HttpContext.Items[CallerKey] = caller!;
        return (await handler(caller!)).ToActionResult();
    }

    /// <summary>The answer for a business that does not exist or is outside the caller's scope: the two look alike.</summary>
    public static IResult BusinessNotFound(string businessId) =>
        Results.Problem(title: "Business not found", detail: $"There is no business '{businessId}'.", statusCode: StatusCodes.Status404NotFound);

    // X-Api-Key too: gateways that cannot set Authorization (the source system's sent no key at all) can set a header.
    private static string? BearerKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } key ? key.Trim() : null;
    }
}
