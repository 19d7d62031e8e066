using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Admin;

namespace Turnos.Functions.Observability;

/// <summary><c>GET /api/metrics</c>: this instance's counters and histograms as Prometheus text, for platform keys only.</summary>
public sealed class MetricsFunction(PrometheusCollector collector)
{
    [Function("Metrics")]
    public Task<IActionResult> Scrape(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequest request) =>
        request.RunAsync(null, ApiRoleSets.Platform, _ => Task.FromResult(ObservabilitySetup.Scrape(collector)));
}
