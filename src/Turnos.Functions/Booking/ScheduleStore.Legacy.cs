using Azure.Data.Tables;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Booking;

/// <summary>
/// The legacy layout (before visits took one transaction): one partition per business, work day and professional,
/// rows "a|{id}" and "l|{granule}". Its rows are moved to the current layout by <see cref="MigrateLegacyAsync"/> at start
/// (the whole table, once: a marker row remembers it) and by the schedule sweep (future days, every minute: rows an
/// instance of the previous version wrote during a deployment). Until a row is moved, <see cref="ReadAsync"/> still
/// reads it, so a booking that overlaps it is refused before taking its locks.
/// </summary>
public sealed partial class ScheduleStore
{
    private const string MarkerPartition = "_layout";
    private const string MarkerRow = "day-partitions";

    /// <summary>Moves every legacy row of the table, unless that was done before. Returns how many appointments' rows moved,
    /// counting a visit once per legacy partition (professional).</summary>
    public async Task<int> MigrateLegacyAsync(CancellationToken ct)
    {
        if (await tables.Schedule.FindAsync(MarkerPartition, MarkerRow, ["RowKey"], ct) is not null) return 0;
        var moved = 0;
        // A full scan, once; the table has no index that finds the legacy partitions alone.
        await foreach (var page in tables.Schedule.QueryAsync<TableEntity>(cancellationToken: ct).AsPages())
            foreach (var partition in page.Values.Where(r => IsLegacy(r.PartitionKey)).GroupBy(r => r.PartitionKey))
                moved += await MigrateAsync(partition.Key, ct);
        await tables.Schedule.TryUpsertAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Layout"] = "business|day" }, ct: ct);
        return moved;
    }

    internal static bool IsLegacy(string partitionKey) => partitionKey.Count(c => c == '|') == 2;

    /// <summary>
    /// Moves one legacy partition, appointment by appointment: its rows are added to the day's partition (one
    /// transaction), then deleted from the legacy one (one transaction, with the ETags read). At every moment the hold is
    /// in one layout or both, so it keeps blocking: a booking that read the schedule before the move saw the legacy
    /// summary; one that reads after meets the new locks. Safe to repeat and to run on two instances at once.
    /// </summary>
    internal async Task<int> MigrateAsync(string legacyPartition, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {legacyPartition}"), cancellationToken: ct))
            rows.Add(row);
        var moved = 0;
        foreach (var appointment in rows.GroupBy(Owner))
        {
            var held = appointment.ToList();
            await AddMovedAsync([.. held.Select(Moved)], appointment.Key, ct);
            foreach (var chunk in held.Chunk(MaxRows))
                await tables.Schedule.TrySubmitAsync([.. chunk.Select(r => TableActions.Delete(r.PartitionKey, r.RowKey, r.ETag))], ct);
            moved++;
        }
        return moved;
    }

    // Every row names its appointment (lock rows always did); a summary's key does too, for rows older than that property.
    private static string Owner(TableEntity row) => row.GetString("AppointmentId") ?? row.RowKey[SummaryPrefix.Length..].Split('#')[0];

    /// <summary>business|day|professional, "a|{rest}" → business|day, "a|{professional}|{rest}"; properties kept.</summary>
    private static TableEntity Moved(TableEntity row)
    {
        var parts = row.PartitionKey.Split('|');
        var moved = new TableEntity(row) { PartitionKey = $"{parts[0]}|{parts[1]}", RowKey = $"{row.RowKey[..2]}{parts[2]}|{row.RowKey[2..]}" };
        moved.Remove("odata.etag");
        moved.Remove("Timestamp");
        moved["AppointmentId"] = Owner(row);
        return moved;
    }

    /// <summary>Adds the moved rows; rows already there (an earlier, interrupted run) are fine. A row another appointment
    /// holds there means both were booked while two versions ran side by side: that one keeps its lock.</summary>
    private async Task AddMovedAsync(List<TableEntity> rows, string appointmentId, CancellationToken ct)
    {
        if (rows.Count <= MaxRows && (await tables.Schedule.TrySubmitAsync([.. rows.Select(r => TableActions.Add(r))], ct)).IsSuccess) return;
        foreach (var row in rows)
        {
            if ((await tables.Schedule.TryAddAsync(row, ct)).IsSuccess) continue;
            var owner = await tables.Schedule.FindAsync(row.PartitionKey, row.RowKey, ["AppointmentId"], ct);
            if (owner?.GetString("AppointmentId") is { } other && other != appointmentId) LogDoubleHeld(row.PartitionKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule partition {Partition}: a legacy row's time is held by another appointment too (booked while two versions ran); that one keeps the lock")]
    private partial void LogDoubleHeld(string partition);
}
