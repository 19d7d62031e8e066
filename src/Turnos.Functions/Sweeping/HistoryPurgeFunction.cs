using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// Purges old orchestration history (<see cref="HistoryPurge"/>) every hour, at minute 17 (off the top of the hour,
/// when other timers fire). Not a sweep job: retention counts in days, and a purge scans the task hub's instances, too
/// much to do every minute. Purging twice, or on two instances at once, is harmless.
/// </summary>
public sealed class HistoryPurgeFunction(HistoryPurge purge)
{
    [Function("HistoryPurge")]
    public Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        purge.RunAsync(client, ct);
}
