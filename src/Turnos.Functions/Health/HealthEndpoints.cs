using Turnos.Functions.Hosting;

namespace Turnos.Functions.Health;

public static class HealthEndpoints
{
    /// <summary>200 when the app can reach its tables, 503 otherwise (for probes and the run script).</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", async (TurnosTables tables, TimeProvider time, CancellationToken ct) =>
        {
            try
            {
                await tables.Catalog.GetAsync("_health", "_health", ct: ct);
                return Results.Ok(new { status = "healthy", time = time.GetUtcNow() });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Problem(title: "Storage is not reachable", detail: e.GetType().Name,
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithName("Health");
}
