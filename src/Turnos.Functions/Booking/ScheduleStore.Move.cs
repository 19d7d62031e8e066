using Azure.Data.Tables;
using Turnos.Core.Booking;

namespace Turnos.Functions.Booking;

/// <summary>Moving a visit that spans partitions: each partition the old and new holds share is swapped in one
/// transaction (so a move overlapping its own old time works), the others taken; the old hold's remaining partitions are
/// released only once the move is committed.</summary>
public sealed partial class ScheduleStore
{
    /// <summary>Takes the replacement's time, partition by partition; false (with everything given back) when taken.</summary>
    public async Task<bool> TryMoveAsync(Appointment old, Appointment replacement, CancellationToken ct)
    {
        var mine = ByPartition(old);
        var done = new List<string>();
        foreach (var rows in HoldRows(replacement))
        {
            var partition = rows[0].PartitionKey;
            var taken = mine.TryGetValue(partition, out var held)
                ? await TrySwapRowsAsync(held, rows, ct)
                : await TryHoldPartitionAsync(replacement, rows, ct);
            if (!taken)
            {
                await UndoAsync(old, replacement, done, ct);
                return false;
            }
            done.Add(partition);
        }
        return true;
    }

    /// <summary>Undoes a move that will not be committed: shared partitions go back to the old appointment, the rest of
    /// the replacement's time is released.</summary>
    public Task UndoMoveAsync(Appointment old, Appointment replacement, CancellationToken ct) =>
        UndoAsync(old, replacement, [.. HoldRows(replacement).Select(r => r[0].PartitionKey)], ct);

    /// <summary>After a committed move: releases what the old appointment holds where its replacement holds nothing.</summary>
    public async Task ReleaseLeftAsync(Appointment old, Appointment replacement, CancellationToken ct)
    {
        var kept = ByPartition(replacement);
        foreach (var rows in HoldRows(old))
            if (!kept.ContainsKey(rows[0].PartitionKey)) await ReleaseRowsAsync(old, rows, ct);
    }

    private async Task UndoAsync(Appointment old, Appointment replacement, List<string> partitions, CancellationToken ct)
    {
        var mine = ByPartition(old);
        var theirs = ByPartition(replacement);
        foreach (var partition in partitions)
        {
            if (mine.TryGetValue(partition, out var held)) await TrySwapRowsAsync(theirs[partition], held, ct);
            else await ReleaseRowsAsync(replacement, theirs[partition], ct);
        }
    }

    private static Dictionary<string, List<TableEntity>> ByPartition(Appointment a) =>
        HoldRows(a).ToDictionary(rows => rows[0].PartitionKey, StringComparer.Ordinal);
}
