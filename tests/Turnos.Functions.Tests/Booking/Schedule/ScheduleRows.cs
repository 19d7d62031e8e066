using Azure.Data.Tables;
using Turnos.Core;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Booking.Schedule;

/// <summary>Appointments of the demo business built by hand, and the schedule rows they hold, in either layout.</summary>
internal static class ScheduleRows
{
    public static readonly DateOnly Tuesday = new(2026, 11, 24);

    /// <summary>Tuesday at a Buenos Aires wall time.</summary>
    public static DateTimeOffset At(int hour, int minute = 0) => Demo.At(2026, 11, 24, hour, minute);

    /// <summary>A booked appointment, a visit when <paramref name="parts"/> has several (service, professional, minutes),
    /// back to back from <paramref name="start"/>; held as of <paramref name="now"/>.</summary>
    public static Appointment Booked(DateTimeOffset start, DateTimeOffset now, params (string Service, string Professional, int Minutes)[] parts)
    {
        var segments = new List<VisitSegment>();
        var at = start;
        foreach (var (service, professional, minutes) in parts)
        {
            segments.Add(new VisitSegment(service, professional, at, at.AddMinutes(minutes)));
            at = at.AddMinutes(minutes);
        }
        return new Appointment(Guid.CreateVersion7().ToString("N"), BookingCode.New(), Demo.Id, parts[0].Service, parts[0].Professional,
            Demo.Customer(), start, at, 0, 0, Tuesday, AppointmentStatus.Booked, AppointmentSource.Api, null, null, now, now,
            Segments: parts.Length > 1 ? ValueList.Of(segments) : null);
    }

    /// <summary>The rows as the legacy layout held them: partition business|day|professional, keys "a|{id}", "l|{granule}".</summary>
    public static List<TableEntity> Legacy(Appointment a) =>
    [
        .. ScheduleStore.HoldRows(a).Select(row =>
        {
            var parts = row.RowKey.Split('|', 3); // kind, professional, rest
            var legacy = new TableEntity(row) { PartitionKey = $"{row.PartitionKey}|{parts[1]}", RowKey = $"{parts[0]}|{parts[2]}" };
            legacy.Remove("TakenUtc");
            return legacy;
        }),
    ];

    public static async Task WriteAsync(TableClient schedule, IEnumerable<TableEntity> rows)
    {
        foreach (var row in rows) Assert.True((await schedule.TryAddAsync(row)).IsSuccess, $"{row.PartitionKey} {row.RowKey} is there already");
    }

    /// <summary>Every row of the business's Tuesday, in both layouts.</summary>
    public static async Task<List<TableEntity>> TuesdayAsync(TurnosTables tables)
    {
        var day = ScheduleStore.Partition(Demo.Id, Tuesday);
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {day} and PartitionKey lt {day + "}"}")))
            rows.Add(row);
        return rows;
    }

    /// <summary>(partition, row key, appointment) of rows, sorted: what a layout holds, to compare.</summary>
    public static List<(string, string, string?)> Keys(IEnumerable<TableEntity> rows) =>
        [.. rows.Select(r => (r.PartitionKey, r.RowKey, r.GetString("AppointmentId"))).Order()];
}
