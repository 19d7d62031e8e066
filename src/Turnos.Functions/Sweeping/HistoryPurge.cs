using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// Deletes the orchestration history of finished instances older than <c>Conversations:HistoryRetentionDays</c>. A
/// conversation's history holds its inputs, outputs and events, message texts among them (no phone numbers, no
/// tokens), so it is kept no longer than the <c>messages</c> table keeps its rows. Run by the <c>HistoryPurge</c>
/// timer function (<see cref="HistoryPurgeFunction"/>).
/// </summary>
public sealed partial class HistoryPurge(IOptions<ConversationOptions> options, TimeProvider time, ILogger<HistoryPurge> logger)
{
    /// <summary>Only these: a pending, running or suspended instance needs its history to go on (it is replayed).</summary>
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Finished instances created before now minus the retention.</summary>
    public PurgeInstancesFilter Filter() => new(
        // "From the beginning", but not null: the local host's in-memory backend fails on a missing start, and the
        // Azure Storage provider reads the minimum as no lower bound.
        CreatedFrom: DateTimeOffset.MinValue,
        CreatedTo: time.GetUtcNow() - TimeSpan.FromDays(options.Value.HistoryRetentionDays),
        Statuses: Finished);

    /// <summary>Purges what the filter matches; returns how many instances went.</summary>
    public async Task<int> RunAsync(DurableTaskClient client, CancellationToken ct)
    {
        var filter = Filter();
        var result = await client.PurgeAllInstancesAsync(filter, ct);
        LogPurged(result.PurgedInstanceCount, filter.CreatedTo!.Value);
        return result.PurgedInstanceCount;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History purge: {Count} finished orchestration instances created before {Before:O} deleted")]
    private partial void LogPurged(int count, DateTimeOffset before);
}
