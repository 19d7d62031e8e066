using System.Net;
using System.Text.Json;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// <c>POST /Sweeper</c>: the Functions host's invocation of the <c>Sweeper</c> timer function. The host posts
/// the custom-handler request payload (<c>{ Data: { timer }, Metadata }</c>) to <c>/{function name}</c> on the
/// loopback port and expects the response payload <c>{ Outputs, Logs, ReturnValue }</c>; a non-2xx answer makes
/// the invocation fail, so a failed job shows up as a failed execution.
/// </summary>
internal static class SweeperEndpoint
{
    public const string Path = "/Sweeper";

    // The host reads these names as they are (not camelCase) and ReturnValue must be present, even when null.
    private static readonly JsonSerializerOptions PayloadJson = new() { PropertyNamingPolicy = null };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (HttpContext http, Sweeper sweeper, CancellationToken ct) =>
        {
            if (!FromFunctionsHost(http)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            var report = await sweeper.RunAsync(ct);
            var payload = new InvocationResponse(new Dictionary<string, object?>(), [.. report.Lines()], null);
            return Results.Json(payload, PayloadJson, statusCode: report.Failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK);
        }).ExcludeFromDescription();

    /// <summary>
    /// Only the Functions host may start a sweep, and it calls from the same machine. Public requests reach the app
    /// only through the HTTP function, whose route is <c>/api/{*path}</c>, so this path is not reachable from
    /// outside anyway; requests that are not from loopback, or that say they were forwarded, are refused all the same.
    /// </summary>
    internal static bool FromFunctionsHost(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip
        && IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For")
        && !http.Request.Headers.ContainsKey("Forwarded");

    /// <summary>The custom-handler response payload; the timer function has no output bindings.</summary>
    private sealed record InvocationResponse(Dictionary<string, object?> Outputs, List<string> Logs, object? ReturnValue);
}
