namespace Turnos.Functions.Observability;

/// <summary>
/// Creates the <see cref="PrometheusCollector"/> with the host, not at the first scrape, so it counts from the start.
/// A hosted service because every host runs them (the web app, the Functions worker, the local host), and because a
/// host builds all of them before it starts any: the collector listens before the first start-up work is measured.
/// </summary>
internal sealed class PrometheusCollectorStart : IHostedService
{
    // Being built with the collector is this service's whole job.
    public PrometheusCollectorStart(PrometheusCollector collector) => ArgumentNullException.ThrowIfNull(collector);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
