using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Hosting;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Health;

/// <summary><c>/api/health</c>: alive, touching nothing, so a slow dependency never gets a working process
/// restarted. <c>/api/health/ready</c>: storage and, in Azure, Key Vault answer (503 naming what does not).</summary>
public sealed class HealthFunctions(TimeProvider time, Readiness readiness)
{
    [Function("Health")]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new { status = "healthy", time = time.GetUtcNow() });

    [Function("Ready")]
    public async Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest request,
        CancellationToken ct) =>
        (await readiness.AnswerAsync(ct)).ToActionResult();
}
