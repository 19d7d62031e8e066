using Microsoft.DurableTask.Client;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// A sweep job that works on orchestration instances. It is given the <see cref="DurableTaskClient"/> because the
/// isolated worker hands one only to a function parameter (<c>[DurableClient]</c>), never through DI; the
/// <c>Sweeper</c> timer function passes its own. Same rules as <see cref="ISweepJob"/>: safe to repeat, bounded.
/// </summary>
public interface IDurableSweepJob
{
    /// <summary>Short, stable name for logs (no customer data ever goes into a job's report).</summary>
    string Name { get; }

    /// <summary>Does what is due now; returns how many items it handled.</summary>
    Task<int> RunAsync(DurableTaskClient client, CancellationToken ct);
}

/// <summary>A durable job with the client of this sweep, so the sweeper runs it like any other job.</summary>
internal sealed class ClientBoundJob(IDurableSweepJob job, DurableTaskClient client) : ISweepJob
{
    public string Name => job.Name;

    public Task<int> RunAsync(CancellationToken ct) => job.RunAsync(client, ct);
}
