using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Turnos.Functions.Admin.Api;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Admin;

/// <summary>The body of a key creation: <c>{ "role": "owner", "name": "Recepción" }</c>.</summary>
public sealed record CreateKeyRequest(string? Role, string? Name);

/// <summary>
/// Keys of a business (<c>/api/admin/businesses/{businessId}/keys</c>: its owner or a platform admin) and every key
/// (<c>/api/admin/keys</c>: platform admins only, who alone create platform keys). The secret is shown once, at creation.
/// </summary>
public static class ApiKeyHandlers
{

    internal static async Task<IResult> CreateForBusinessAsync(string businessId, CreateKeyRequest? body, HttpContext http,
        CatalogStore catalog, ApiKeyStore keys, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is null) return ApiAccess.BusinessNotFound(businessId);
        var errors = new Dictionary<string, string[]>();
        ApiRole role = default;
        if (string.IsNullOrWhiteSpace(body?.Role)) errors["role"] = ["The role is required: owner, employee, bot or customer."];
        else if (!ApiRoleNames.TryParse(body.Role, out role)) errors["role"] = ["The role must be one of owner, employee, bot, customer."];
        else if (role == ApiRole.Platform) errors["role"] = ["Platform keys belong to no business: create them with POST /api/admin/keys."];
        var name = CheckName(body?.Name, errors);
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        return await CreateAsync(role, businessId, name, http, keys, ct);
    }

    internal static async Task<IResult> CreatePlatformAsync(CreateKeyRequest? body, HttpContext http, ApiKeyStore keys, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.Role is not null && (!ApiRoleNames.TryParse(body.Role, out var role) || role != ApiRole.Platform))
            errors["role"] = ["Only platform keys are created here; keys of a business at POST /api/admin/businesses/{businessId}/keys."];
        var name = CheckName(body?.Name, errors);
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        return await CreateAsync(ApiRole.Platform, null, name, http, keys, ct);
    }

    /// <summary>
    /// A key creation's body for the HTTP functions, which bind no bodies, answered as the endpoints' binding is: no
    /// body is a request without fields (their validation names them), a body of another media type a bare 415, and
    /// unreadable JSON 400 with the title "Bad request".
    /// </summary>
    internal static async Task<(CreateKeyRequest? Body, IResult? Problem)> ReadCreateRequestAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
            return (null, null);
        if (!request.HasJsonContentType()) return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType));
        var (body, problem) = await ApiJson.ReadAsync<CreateKeyRequest>(request, ct);
        if (problem is null) return (body, null);
        // ApiJson's detail names the field or the position where reading stopped.
        var unreadable = problem is IValueHttpResult { Value: ProblemDetails { Detail: { } d } } ? d : "The body is not valid JSON.";
        return (null, Results.Problem(title: "Bad request", detail: unreadable, statusCode: StatusCodes.Status400BadRequest));
    }

    private static async Task<IResult> CreateAsync(ApiRole role, string? businessId, string name, HttpContext http, ApiKeyStore keys, CancellationToken ct)
    {
        var (id, key) = await keys.CreateAsync(role, businessId, name, http.GetCaller().KeyId, ct);
        var created = await keys.GetAsync(id, ct);
        http.Response.Headers.CacheControl = "no-store"; // the only response that carries the secret
        return Results.Json(new { id, key, role, businessId, name, createdAt = created?.CreatedUtc }, statusCode: StatusCodes.Status201Created);
    }

    internal static async Task<IResult> ListForBusinessAsync(string businessId, CatalogStore catalog, ApiKeyStore keys, CancellationToken ct) =>
        await catalog.GetSnapshotAsync(businessId, ct) is null
            ? ApiAccess.BusinessNotFound(businessId)
            : Results.Ok((await keys.ListAsync(businessId, ct)).Select(View));

    internal static async Task<IResult> ListAllAsync(ApiKeyStore keys, CancellationToken ct) =>
        Results.Ok((await keys.ListAsync(null, ct)).Select(View));

    internal static async Task<IResult> RevokeForBusinessAsync(string businessId, string keyId, ApiKeyStore keys, CancellationToken ct)
    {
        var key = await keys.GetAsync(keyId, ct);
        return key is null || key.BusinessId != businessId || !await keys.RevokeAsync(keyId, ct) ? KeyNotFound() : Results.NoContent();
    }

    internal static async Task<IResult> RevokeAnyAsync(string keyId, ApiKeyStore keys, CancellationToken ct) =>
        await keys.RevokeAsync(keyId, ct) ? Results.NoContent() : KeyNotFound();

    private static object View(ApiKeyInfo k) => new
    {
        id = k.Id, role = k.Role, businessId = k.BusinessId, name = k.Name,
        createdAt = k.CreatedUtc, createdBy = k.CreatedBy, revokedAt = k.RevokedUtc,
    };

    private static string CheckName(string? name, Dictionary<string, string[]> errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) errors["name"] = ["The name is required (who or what uses the key)."];
        else if (trimmed.Length > ApiKeyStore.MaxNameLength) errors["name"] = [$"The name may have at most {ApiKeyStore.MaxNameLength} characters."];
        return trimmed;
    }

    // The id is not echoed: someone may have pasted a whole key into the URL.
    private static IResult KeyNotFound() =>
        Results.Problem(title: "Key not found", detail: "There is no such key here.", statusCode: StatusCodes.Status404NotFound);
}
