using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Hosting;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Health;

/// <summary><c>/api/health</c>: alive, touching nothing, so a slow dependency never gets a working process
/// restarted; in the source system's shape too (<c>status</c> "ok", <c>agent</c>, <c>version</c>), so its gateway's checks
/// keep working. <c>/api/health/ready</c>: storage and, in Azure, Key Vault answer (503 naming what does not).</summary>
public sealed class HealthFunctions(TimeProvider time, Readiness readiness)
{
    /// <summary>The app's version (the assembly's informational version, without the commit suffix).</summary>
    public static readonly string Version = (typeof(HealthFunctions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
        ?.InformationalVersion ?? "0.0.0").Split('+')[0];

    [Function("Health")]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok", agent = "citas", version = Version, time = time.GetUtcNow() });

    [Function("Ready")]
    public async Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest request,
        CancellationToken ct) =>
        (await readiness.AnswerAsync(ct)).ToActionResult();
}
