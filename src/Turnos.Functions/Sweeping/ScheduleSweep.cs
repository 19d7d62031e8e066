using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// Keeps the schedule true to the appointments from yesterday on (earlier locks block nobody). It moves rows an instance
/// of the previous version wrote in the legacy layout, and releases what a process that died half-way left held: the
/// locks of an appointment never committed (once <see cref="OrphanAfter"/> has passed), of one cancelled before its
/// locks were released, of one rescheduled before its old time was handed over to the new one.
/// </summary>
internal sealed partial class ScheduleSweep(CatalogStore catalog, ScheduleStore schedule, AppointmentStore appointments, TimeProvider time,
    ILogger<ScheduleSweep> logger) : ISweepJob
{
    /// <summary>Longer than a booking can take between its locks and its commit: every invocation ends within host.json's
    /// functionTimeout (5 minutes).</summary>
    public static readonly TimeSpan OrphanAfter = TimeSpan.FromMinutes(15);

    private const int MaxPerRun = 200;

    public string Name => "schedule";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // The day before today in UTC is no later than today's work day in any time zone.
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var done = 0;
        foreach (var business in await catalog.ListBusinessIdsAsync(ct))
        {
            if (done >= MaxPerRun) break;
            done += await SweepAsync(business, from, now, MaxPerRun - done, ct);
        }
        return done;
    }

    private async Task<int> SweepAsync(string businessId, DateOnly from, DateTimeOffset now, int max, CancellationToken ct)
    {
        var holders = await schedule.HoldersAsync(businessId, from, ct);
        var done = 0;
        foreach (var legacy in holders.Where(h => h.Legacy).Select(h => h.Partition).Distinct())
        {
            if (done >= max) return done;
            done += await schedule.MigrateAsync(legacy, ct);
        }
        // Every appointment of those days in one query (an appointment starts on its work day or, past midnight, the
        // next); any other holder is looked up alone.
        var fromUtc = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var known = (await appointments.ListAsync(businessId, fromUtc, now.AddYears(5), ct)).ToDictionary(a => a.Id);
        foreach (var holder in holders.Where(h => !h.Legacy))
        {
            if (done >= max) break;
            var a = await FindAsync(businessId, holder.AppointmentId, known, ct);
            if (a?.Status == AppointmentStatus.Booked || (a is null && now - holder.TakenUtc < OrphanAfter)) continue;
            var replacement = a?.RescheduledToId is { } to ? await FindAsync(businessId, to, known, ct) : null;
            if (a is not null && replacement is not null) await schedule.ReleaseLeftAsync(a, replacement, ct);
            else await schedule.ReleaseHeldAsync(holder.Partition, holder.AppointmentId, ct);
            LogReleased(businessId, holder.AppointmentId, a?.Status.ToString() ?? "never committed");
            done++;
        }
        return done;
    }

    private async Task<Appointment?> FindAsync(string businessId, string id, Dictionary<string, Appointment> known, CancellationToken ct) =>
        known.GetValueOrDefault(id) ?? (await appointments.GetAsync(businessId, id, ct))?.Appointment;

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule of {BusinessId}: released the time appointment {AppointmentId} ({State}) still held")]
    private partial void LogReleased(string businessId, string appointmentId, string state);
}
