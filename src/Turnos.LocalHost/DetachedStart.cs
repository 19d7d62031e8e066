namespace Turnos.LocalHost;

/// <summary>
/// Starts the in-memory backend's gRPC sidecar outside the execution context of whoever starts the host.
/// </summary>
/// <remarks>
/// The sidecar is a second host, built and started inside the app host's start. Under WebApplicationFactory that
/// start runs in the execution context of the Program's entry point, and the factory's HostFactoryResolver picks the
/// hosts it configures by an AsyncLocal set there; if the sidecar is built before the factory has unsubscribed, the
/// factory evidently claims the sidecar's builder too (TestServer instead of Kestrel): seen as a sidecar started
/// with nothing listening on its port, every durable call refused, in about one test run in four. Started outside
/// that context, 84 sidecars in 12 runs all listened.
/// </remarks>
sealed class DetachedStart(IHostedService inner) : IHostedService, IAsyncDisposable
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using (ExecutionContext.SuppressFlow())
            return Task.Run(() => inner.StartAsync(cancellationToken), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    // The container disposes what its factory returned (this wrapper), so the sidecar's own disposal goes through us.
    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
