using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Sweeping;

/// <summary>A sweep is single-flight across instances: two app instances on the same tables never sweep at once.</summary>
[Collection("Azurite")]
public sealed class SweepLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TurnosFactory _first;
    private readonly TurnosFactory _second;
    private readonly List<WebApplicationFactory<LocalHostOptions>> _apps = [];

    public SweepLeaseTests(AzuriteFixture azurite)
    {
        _first = new TurnosFactory(azurite);
        // Another instance of the same deployment: same tables, its own process state.
        _second = new TurnosFactory(azurite, settings: new Dictionary<string, string?> { ["Storage:TablePrefix"] = _first.TablePrefix });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private Sweeper SweeperWith(TurnosFactory root, ISweepJob job)
    {
        var app = root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(job)));
        _apps.Add(app);
        return app.Services.GetRequiredService<Sweeper>();
    }

    [Fact]
    public async Task TwoInstancesSweepingAtOnce_OnlyOneRuns_AndTheNextSweepRunsAgain()
    {
        var (gateA, gateB) = (new GateJob(), new GateJob());
        var (a, b) = (SweeperWith(_first, gateA), SweeperWith(_second, gateB));

        var sweeps = new[] { Task.Run(() => a.RunAsync(default)), Task.Run(() => b.RunAsync(default)) };
        var skipped = await (await Task.WhenAny(sweeps)).WaitAsync(Patience); // the winner waits at its gate
        Assert.False(skipped.Ran);
        Assert.Equal(_first.Clock.GetUtcNow() + SweepLease.Duration, skipped.HeldUntil);
        Assert.Contains("skipped: another instance holds the sweep lease", Assert.Single(skipped.Lines()));

        gateA.Open();
        gateB.Open();
        var reports = await Task.WhenAll(sweeps).WaitAsync(Patience);
        Assert.Single(reports, r => r.Ran);
        Assert.Equal(1, gateA.Runs + gateB.Runs);

        Assert.True((await b.RunAsync(default)).Ran); // the lease was given back
        Assert.True((await a.RunAsync(default)).Ran);
    }

    [Fact]
    public async Task ALeaseLeftByAnInstanceThatDied_HoldsSweepsOffUntilItExpires()
    {
        var gate = new GateJob();
        gate.Open();
        var sweeper = SweeperWith(_first, gate);
        Assert.IsType<LeaseClaim.Held>(await _second.Get<SweepLease>().TryAcquireAsync(default)); // never released

        Assert.False((await sweeper.RunAsync(default)).Ran);
        _first.Clock.Advance(SweepLease.Duration - TimeSpan.FromSeconds(1));
        Assert.False((await sweeper.RunAsync(default)).Ran);
        _first.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await sweeper.RunAsync(default)).Ran);
        Assert.Equal(1, gate.Runs);
    }

    [Fact]
    public async Task ReleasingAnExpiredLease_DoesNotFreeTheLeaseAnotherInstanceTookSince()
    {
        var lease = _first.Get<SweepLease>();
        var slow = Assert.IsType<LeaseClaim.Held>(await lease.TryAcquireAsync(default));
        _first.Clock.Advance(SweepLease.Duration + TimeSpan.FromSeconds(1));
        Assert.IsType<LeaseClaim.Held>(await lease.TryAcquireAsync(default));

        await lease.ReleaseAsync(slow, default);

        Assert.IsType<LeaseClaim.Busy>(await lease.TryAcquireAsync(default));
    }
}
