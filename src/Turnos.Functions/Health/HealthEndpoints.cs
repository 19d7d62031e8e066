using Turnos.Functions.Observability;

namespace Turnos.Functions.Health;

public static class HealthEndpoints
{
    /// <summary><c>/api/health</c>: alive, touching nothing, so a slow dependency never gets a working process
    /// restarted. <c>/api/health/ready</c>: storage and, in Azure, Key Vault answer (503 naming what does not).</summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (TimeProvider time) => Results.Ok(new { status = "healthy", time = time.GetUtcNow() }))
            .WithName("Health");
        app.MapGet("/api/health/ready", (Readiness readiness, CancellationToken ct) => readiness.AnswerAsync(ct))
            .WithName("Ready");
    }
}
