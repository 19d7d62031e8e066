using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Xunit.Abstractions;

namespace Turnos.Functions.Tests.Admin.Access;

/// <summary>
/// Every role against every scope, over every endpoint the running app maps under /api/admin and /api/v1 — so an
/// endpoint added later is covered without touching this test. Keys are scoped to business A; requests name B.
/// </summary>
[Collection("Azurite")]
public sealed class IsolationMatrixTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly string[] ScopedRoles = ["owner", "employee", "bot", "customer"];

    [Fact]
    public async Task NoKeyOfBusinessA_ReachesAnythingOfBusinessB()
    {
        await using var app = new AccessApp(azurite);
        var endpoints = ApiEndpoints(app);
        var keysOfA = new Dictionary<string, string>();
        foreach (var role in ScopedRoles) keysOfA[role] = await app.KeyAsync(role, AccessApp.A);
        var revokedOfA = await app.CreateKeyAsync("owner", AccessApp.A);
        await app.Platform.DeleteAsync($"/api/admin/businesses/{AccessApp.A}/keys/{revokedOfA.GetProperty("id").GetString()}");
        var keyOfB = (await app.CreateKeyAsync("employee", AccessApp.B)).GetProperty("id").GetString()!;
        var failures = new List<string>();
        var report = new StringBuilder();

        // Platform requests last: they may change or delete B's things.
        foreach (var (method, pattern) in endpoints)
        {
            var path = PathFor(pattern, keyOfB);
            var isOfB = pattern.Parameters.Any(p => p.Name == "businessId");
            var line = new StringBuilder($"{method,-6} {Display(pattern),-70}");

            foreach (var (who, key) in new[] { ("none", (string?)null), ("revoked", revokedOfA.GetProperty("key").GetString()) })
            {
                var status = await SendAsync(app, key, method, path);
                line.Append($" {who}={(int)status.Code}");
                if (status.Code != HttpStatusCode.Unauthorized) failures.Add($"{method} {path} with {who} key: {status.Code}, not 401");
            }

            foreach (var role in ScopedRoles)
            {
                var status = await SendAsync(app, keysOfA[role], method, path);
                line.Append($" {role}={(int)status.Code}");
                var code = (int)status.Code;
                if (code == 500) failures.Add($"{method} {path} as {role} of A: 500");
                if (AccessApp.BOnlyText.FirstOrDefault(t => status.Body.Contains(t, StringComparison.Ordinal)) is { } leaked)
                    failures.Add($"{method} {path} as {role} of A: the answer shows B's '{leaked}'");
                if (!isOfB) continue;
                var allowed = role is "owner" or "employee" ? code == 404 : code is 404 or 403;
                if (!allowed) failures.Add($"{method} {path} as {role} of A: {code}, not {(role is "owner" or "employee" ? "404" : "404/403")}");
            }

            report.AppendLine(line.ToString());
        }

        output.WriteLine($"{endpoints.Count} endpoints; keys of A ({AccessApp.A}) asking for B ({AccessApp.B}); platform last:");
        foreach (var (method, pattern) in endpoints)
        {
            var path = PathFor(pattern, keyOfB);
            var status = await SendAsync(app, TurnosFactory.AdminKey, method, path);
            var code = (int)status.Code;
            if (code is 401 or 403 or 500) failures.Add($"{method} {path} with the platform key: {code}");
            report.AppendLine($"{method,-6} {Display(pattern),-70} platform={code}");
        }

        output.WriteLine(report.ToString());
        Assert.Contains(endpoints, e => e.Method == "POST" && Display(e.Pattern) == "/api/admin/businesses/{businessId}/keys");
        Assert.Contains(endpoints, e => e.Method == "DELETE" && Display(e.Pattern) == "/api/admin/businesses/{businessId}/calendar");
        Assert.Contains(endpoints, e => e.Method == "GET" && Display(e.Pattern) == "/api/admin/keys");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every (method, route) the app maps under /api/admin or /api/v1, in route order.</summary>
    private static List<(string Method, RoutePattern Pattern)> ApiEndpoints(AccessApp app) =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => Display(e.RoutePattern) is var p && (Under(p, "/api/admin") || Under(p, "/api/v1")))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern)))
            .Where(e => e.m != "OPTIONS" && e.m != "HEAD")
            .DistinctBy(e => (e.m, Display(e.RoutePattern)))
            .OrderBy(e => Display(e.RoutePattern), StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal)
            .ToList();

    private static bool Under(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The published path: the admin routes' first segment is a parameter that only "admin" matches.</summary>
    private static string Display(RoutePattern pattern) =>
        "/" + (pattern.RawText ?? "").Trim('/').Replace(Turnos.Functions.Admin.AdminRoutes.Root, "admin", StringComparison.Ordinal);

    /// <summary>The route with B's id, B's own ids where the name says what it is, and plausible dummies elsewhere;
    /// plus the query parameters that name a business or a day, so a route that reads the business from the
    /// query is asked for B too.</summary>
    private static string PathFor(RoutePattern pattern, string keyOfB)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(Dummy(parameter, keyOfB)),
            _ => "",
        })));
        return "/" + string.Join('/', segments) + $"?negocio={AccessApp.B}&businessId={AccessApp.B}&fecha=2026-11-24&servicio_id=corte";
    }

    private static string Dummy(RoutePatternParameterPart parameter, string keyOfB)
    {
        var name = parameter.Name.ToLowerInvariant();
        var constraint = string.Join(",", parameter.ParameterPolicies.Select(p => p.Content ?? ""));
        return name switch
        {
            "businessid" => AccessApp.B,
            "adminarea" => "admin",
            "keyid" => keyOfB,
            _ when constraint.Contains("int") || constraint.Contains("long") => "1",
            _ when constraint.Contains("guid") => Guid.NewGuid().ToString(),
            _ when constraint.Contains("bool") => "true",
            _ when name.Contains("date") || name.Contains("fecha") || constraint.Contains("datetime") => "2026-11-24",
            _ when name.Contains("phone") || name.Contains("telefono") => "+5491100000001",
            _ when name.Contains("professional") || name.Contains("profesional") => "tito",
            _ when name.Contains("service") || name.Contains("servicio") => "corte",
            _ => "x1",
        };
    }

    private static async Task<(HttpStatusCode Code, string Body)> SendAsync(AccessApp app, string? key, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await app.Client(key).SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
