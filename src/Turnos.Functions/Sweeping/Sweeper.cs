using Microsoft.DurableTask.Client;

namespace Turnos.Functions.Sweeping;

/// <summary>How one job of a sweep went: items handled, or why it failed (an exception type, never its message).</summary>
public sealed record SweepJobResult(string Job, int Count, string? Error);

/// <summary>What a sweep did; <see cref="Ran"/> is false when another instance held the lease.</summary>
public sealed record SweepReport(bool Ran, DateTimeOffset? HeldUntil, IReadOnlyList<SweepJobResult> Jobs)
{
    public bool Failed => Jobs.Any(j => j.Error is not null);

    /// <summary>One line per job that did something or failed, for the Functions invocation log.</summary>
    public IEnumerable<string> Lines() => Ran
        ? Jobs.Where(j => j.Count > 0 || j.Error is not null)
            .Select(j => j.Error is null ? $"{j.Job}: {j.Count}" : $"{j.Job} failed: {j.Error}")
        : [$"skipped: another instance holds the sweep lease until {HeldUntil:O}"];
}

/// <summary>
/// The periodic upkeep: every <see cref="ISweepJob"/>, in registration order, under the <see cref="SweepLease"/>
/// so that only one instance sweeps at a time. Called by the <c>Sweeper</c> timer function
/// (<see cref="SweeperFunction"/>) on either host. A failing job does not stop the others.
/// </summary>
public sealed partial class Sweeper(IEnumerable<ISweepJob> jobs, IEnumerable<IDurableSweepJob> durableJobs, SweepLease lease,
    ILogger<Sweeper> logger)
{
    /// <summary>Within the lease and host.json's functionTimeout (5 minutes), with room to give the lease back.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    /// <summary>The storage jobs only: without a durable client the <see cref="IDurableSweepJob"/>s cannot run.</summary>
    public Task<SweepReport> RunAsync(CancellationToken ct) => RunJobsAsync([.. jobs], ct);

    /// <summary>Every job, the durable ones (after the others) with <paramref name="client"/>.</summary>
    public Task<SweepReport> RunAsync(DurableTaskClient client, CancellationToken ct) =>
        RunJobsAsync([.. jobs, .. durableJobs.Select(job => new ClientBoundJob(job, client))], ct);

    private async Task<SweepReport> RunJobsAsync(IReadOnlyList<ISweepJob> toRun, CancellationToken ct)
    {
        var claim = await lease.TryAcquireAsync(ct);
        if (claim is not LeaseClaim.Held held)
        {
            var until = (claim as LeaseClaim.Busy)?.Until;
            LogSkipped(until);
            return new SweepReport(false, until, []);
        }

        var results = new List<SweepJobResult>();
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            budget.CancelAfter(Budget);
            try
            {
                foreach (var job in toRun) results.Add(await RunJobAsync(job, budget.Token, ct));
            }
            finally
            {
                await ReleaseAsync(held);
            }
        }

        var report = new SweepReport(true, null, results);
        if (report.Lines().Any()) LogSwept(string.Join("; ", report.Lines()));
        return report;
    }

    private async Task<SweepJobResult> RunJobAsync(ISweepJob job, CancellationToken budget, CancellationToken caller)
    {
        try
        {
            return new SweepJobResult(job.Name, await job.RunAsync(budget), null);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            return new SweepJobResult(job.Name, 0, "out of time");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogJobFailed(job.Name, e);
            return new SweepJobResult(job.Name, 0, e.GetType().Name);
        }
    }

    // Not cancellable: a lease left behind would hold up the next sweeps until it expires.
    private async Task ReleaseAsync(LeaseClaim.Held held)
    {
        try
        {
            await lease.ReleaseAsync(held, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogReleaseFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Summary}")]
    private partial void LogSwept(string summary);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sweep skipped: another instance holds the lease until {Until}")]
    private partial void LogSkipped(DateTimeOffset? until);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep job {Job} failed; the other jobs went on")]
    private partial void LogJobFailed(string job, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give back the sweep lease; the next sweep waits for it to expire")]
    private partial void LogReleaseFailed(Exception exception);
}
