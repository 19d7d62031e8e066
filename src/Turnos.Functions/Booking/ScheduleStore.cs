using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Turnos.Core.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Booking;

/// <summary>Time a professional is held by an appointment, buffers included.</summary>
public readonly record struct HeldTime(string ProfessionalId, DateOnly WorkDay, string AppointmentId, DateTimeOffset FromUtc, DateTimeOffset UntilUtc);

/// <summary>
/// The schedule table: one partition per business and work day, holding for each professional a summary row per
/// appointment ("a|{professional}|{appointmentId}") and one lock row per 5-minute granule held ("l|{professional}|{granule}").
/// An appointment belongs to one work day, so all its rows — a visit's too, whoever does each service — are one
/// partition, written in one entity-group transaction: two bookings that share a granule can never both succeed.
/// </summary>
public sealed partial class ScheduleStore(TurnosTables tables, ILogger<ScheduleStore>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ScheduleStore>.Instance;

    private const string SummaryPrefix = "a|";
    private const string LockPrefix = "l|";

    /// <summary>Rows one entity-group transaction can write.</summary>
    public const int MaxRows = 100;

    // Business before day: the days of a business are one contiguous key range, so the held time of every professional
    // over any dates is a single range query (one that also covers the partitions of the legacy layout, see Legacy).
    public static string Partition(string businessId, DateOnly workDay) =>
        $"{businessId}|{workDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Partition(Appointment a) => Partition(a.BusinessId, a.WorkDay);

    /// <summary>Held times of the business's professionals for work days in [from, to], in one range query.</summary>
    public async Task<List<HeldTime>> ReadAsync(string businessId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {Partition(businessId, from)} and PartitionKey lt {Partition(businessId, to.AddDays(1))} and RowKey ge {SummaryPrefix} and RowKey lt {"a}"}");
        var held = new List<HeldTime>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "AppointmentId", "HeldFromUtc", "HeldUntilUtc"], cancellationToken: ct))
        {
            var (day, professional) = Locate(row);
            held.Add(new HeldTime(professional, day, row.GetString("AppointmentId") ?? row.RowKey[SummaryPrefix.Length..],
                row.GetDateTimeOffset("HeldFromUtc")!.Value, row.GetDateTimeOffset("HeldUntilUtc")!.Value));
        }
        return held;
    }

    /// <summary>The work day and professional of a row, in either layout: the professional is in the row key now, in the
    /// partition key in the legacy layout (business|day|professional) until it is migrated.</summary>
    private static (DateOnly Day, string ProfessionalId) Locate(TableEntity row)
    {
        var parts = row.PartitionKey.Split('|');
        var day = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (day, parts.Length > 2 ? parts[2] : row.RowKey.Split('|')[1]);
    }

    /// <summary>Takes the appointment's locks, a visit's every part at once; false when any granule is already held.</summary>
    public Task<bool> TryHoldAsync(Appointment appointment, CancellationToken ct) => TryAddAsync(appointment.Id, HoldRows(appointment), ct);

    /// <summary>Adds rows in one transaction; true when they are (now) the appointment's.</summary>
    private async Task<bool> TryAddAsync(string appointmentId, List<TableEntity> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return true;
        if (rows.Count > MaxRows) throw new InvalidOperationException($"An appointment holds at most {MaxRows} schedule rows; the booking checks it first.");
        var result = await tables.Schedule.TrySubmitAsync([.. rows.Select(e => TableActions.Add(e))], ct);
        return result.Outcome switch
        {
            TableOutcome.Success => true,
            // A retried batch whose first attempt committed meets its own rows (the first is a summary, keyed by the id).
            TableOutcome.Conflict => await tables.Schedule.FindAsync(rows[0].PartitionKey, rows[0].RowKey, ["AppointmentId"], ct)
                is { } row && row.GetString("AppointmentId") == appointmentId,
            _ => throw new InvalidOperationException($"Holding a slot failed unexpectedly: {result.Outcome}."),
        };
    }

    /// <summary>Releases an appointment's locks. Safe to repeat.</summary>
    public Task ReleaseAsync(Appointment appointment, CancellationToken ct) =>
        SettleAsync(Partition(appointment), appointment.Id, handOver: null, ct);

    /// <summary>The rows of a partition an appointment holds as stored (with their ETags), whatever the catalog says now.</summary>
    private async Task<List<TableEntity>> OwnedAsync(string partition, string appointmentId, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and AppointmentId eq {appointmentId}");
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, select: ["RowKey", "AppointmentId"], cancellationToken: ct))
            rows.Add(row);
        return rows;
    }

    /// <summary>
    /// Gives up every row <paramref name="appointmentId"/> holds in the partition: those <paramref name="handOver"/> has
    /// a row for go to that row's appointment, the others are deleted, in one transaction. Each action carries the ETag
    /// just read, so a row someone else holds by then is never touched; a change meanwhile (a concurrent release) reads
    /// again.
    /// </summary>
    private async Task SettleAsync(string partition, string appointmentId, IReadOnlyDictionary<string, TableEntity>? handOver, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var owned = await OwnedAsync(partition, appointmentId, ct);
            if (owned.Count == 0) return;
            var ok = true;
            // One appointment holds at most MaxRows rows; chunks only guard rows written before that bound.
            foreach (var chunk in owned.Chunk(MaxRows))
            {
                var ops = chunk.Select(r => handOver?.GetValueOrDefault(r.RowKey) is { } next
                    ? TableActions.Replace(next, r.ETag)
                    : TableActions.Delete(partition, r.RowKey, r.ETag)).ToList();
                ok &= (await tables.Schedule.TrySubmitAsync(ops, ct)).IsSuccess;
            }
            if (ok) return;
        }
        throw new InvalidOperationException("Releasing schedule rows kept meeting concurrent changes.");
    }
}
