using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Turnos.Core.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Booking;

/// <summary>Time a professional is held by an appointment, buffers included.</summary>
public readonly record struct HeldTime(string ProfessionalId, DateOnly WorkDay, string AppointmentId, DateTimeOffset FromUtc, DateTimeOffset UntilUtc);

/// <summary>
/// The schedule table: one partition per business, work day and professional, holding a summary row per
/// appointment and one lock row per 5-minute granule it holds. An appointment's rows are written in
/// one entity-group transaction, so two bookings that share a granule can never both succeed.
/// </summary>
public sealed partial class ScheduleStore(TurnosTables tables)
{
    private const string SummaryPrefix = "a|";
    private const string LockPrefix = "l|";

    // Day before professional: the days of a business are one contiguous key range, so the held time of
    // every professional over any dates is a single range query.
    public static string Partition(string businessId, string professionalId, DateOnly workDay) =>
        $"{DayPrefix(businessId, workDay)}{professionalId}";

    private static string DayPrefix(string businessId, DateOnly workDay) =>
        $"{businessId}|{workDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|";

    /// <summary>Held times of the business's professionals for work days in [from, to], in one range query.</summary>
    public async Task<List<HeldTime>> ReadAsync(string businessId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {DayPrefix(businessId, from)} and PartitionKey lt {DayPrefix(businessId, to.AddDays(1))} and RowKey ge {SummaryPrefix} and RowKey lt {"a}"}");
        var held = new List<HeldTime>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "AppointmentId", "HeldFromUtc", "HeldUntilUtc"], cancellationToken: ct))
        {
            var parts = row.PartitionKey.Split('|');
            var day = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            held.Add(new HeldTime(parts[2], day, row.GetString("AppointmentId") ?? row.RowKey[SummaryPrefix.Length..],
                row.GetDateTimeOffset("HeldFromUtc")!.Value, row.GetDateTimeOffset("HeldUntilUtc")!.Value));
        }
        return held;
    }

    /// <summary>Takes the appointment's locks; false when any granule is already held. Each partition (professional and
    /// work day) is one transaction: a plain appointment or a visit with one professional is all or nothing at once; a
    /// visit split across professionals holds them in order and gives back what it took when a later one is taken.</summary>
    public async Task<bool> TryHoldAsync(Appointment appointment, CancellationToken ct)
    {
        var partitions = HoldRows(appointment);
        for (var i = 0; i < partitions.Count; i++)
        {
            if (await TryHoldPartitionAsync(appointment, partitions[i], ct)) continue;
            foreach (var taken in partitions.Take(i)) await ReleaseRowsAsync(appointment, taken, ct);
            return false;
        }
        return true;
    }

    private async Task<bool> TryHoldPartitionAsync(Appointment appointment, List<TableEntity> rows, CancellationToken ct)
    {
        var result = await tables.Schedule.TrySubmitAsync([.. rows.Select(e => TableActions.Add(e))], ct);
        return result.Outcome switch
        {
            TableOutcome.Success => true,
            // A retried batch whose first attempt committed meets its own rows: the hold is ours.
            TableOutcome.Conflict => await tables.Schedule.FindAsync(rows[0].PartitionKey, rows[0].RowKey, ["AppointmentId"], ct)
                is { } row && row.GetString("AppointmentId") == appointment.Id,
            _ => throw new InvalidOperationException($"Holding a slot failed unexpectedly: {result.Outcome}."),
        };
    }

    /// <summary>Moves an appointment's hold to its replacement in the same partition in one transaction,
    /// so a move that overlaps its own old time is possible. False when the new time is taken.</summary>
    public Task<bool> TrySwapAsync(Appointment old, Appointment replacement, CancellationToken ct) =>
        SamePartition(old, replacement)
            ? TrySwapRowsAsync(HoldRows(old)[0], HoldRows(replacement)[0], ct)
            : throw new InvalidOperationException("A swap stays in one partition.");

    /// <summary>One partition's rows from one holder to another in one transaction: rows both hold are replaced, the
    /// new ones added, the old ones left over deleted.</summary>
    private async Task<bool> TrySwapRowsAsync(List<TableEntity> from, List<TableEntity> to, CancellationToken ct)
    {
        var oldRows = from.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var ops = new List<TableTransactionAction>();
        foreach (var row in to)
            ops.Add(oldRows.Remove(row.RowKey) ? TableActions.Replace(row) : TableActions.Add(row));
        ops.AddRange(oldRows.Select(rk => TableActions.Delete(to[0].PartitionKey, rk)));
        if (ops.Count > 100) return false;
        var result = await tables.Schedule.TrySubmitAsync(ops, ct);
        return result.Outcome switch
        {
            TableOutcome.Success => true,
            TableOutcome.Conflict => false,
            _ => throw new InvalidOperationException($"Moving a hold failed unexpectedly: {result.Outcome}."),
        };
    }

    /// <summary>Both appointments hold time in one and the same partition only, so a move between them can swap rows
    /// in one transaction.</summary>
    public static bool SamePartition(Appointment a, Appointment b) =>
        HoldRows(a) is [var one] && HoldRows(b) is [var other] && one[0].PartitionKey == other[0].PartitionKey;

    /// <summary>Releases an appointment's locks, in every partition it holds. Safe to repeat.</summary>
    public async Task ReleaseAsync(Appointment appointment, CancellationToken ct)
    {
        foreach (var rows in HoldRows(appointment)) await ReleaseRowsAsync(appointment, rows, ct);
    }

    private async Task ReleaseRowsAsync(Appointment appointment, List<TableEntity> rows, CancellationToken ct)
    {
        var result = await tables.Schedule.TrySubmitAsync(
            [.. rows.Select(r => TableActions.Delete(r.PartitionKey, r.RowKey))], ct);
        if (result.IsSuccess) return;
        // Part of it was released before (a retried release): delete what is left one by one.
        foreach (var row in rows)
        {
            var owner = await tables.Schedule.FindAsync(row.PartitionKey, row.RowKey, ["AppointmentId"], ct);
            if (owner?.GetString("AppointmentId") == appointment.Id)
                await tables.Schedule.TryDeleteAsync(row.PartitionKey, row.RowKey, owner.ETag, ct);
        }
    }
}
