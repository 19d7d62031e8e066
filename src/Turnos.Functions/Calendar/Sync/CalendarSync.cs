using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Calendar;

/// <summary>
/// Brings one appointment's Google Calendar event in line with the appointment as it is now: booked ⇒
/// the event exists with its time and attendees; cancelled ⇒ the event is cancelled; rescheduled ⇒
/// nothing, its replacement carries the same event. Reading the current state makes it safe to repeat.
/// </summary>
public sealed partial class CalendarSync(
    IGoogleCalendar calendar, AppointmentStore appointments, CatalogStore catalog, TimeProvider time, ILogger<CalendarSync> logger)
{
    /// <summary>Appointments not found this long after their work was queued never got committed.</summary>
    private static readonly TimeSpan GiveUpOnMissing = TimeSpan.FromMinutes(10);

    /// <summary>The event id Google gets for an appointment (base32hex: the id's hex digits qualify).</summary>
    public static string EventIdFor(string appointmentId) => "tn" + appointmentId;

    public async Task<CalendarCallResult> SyncAsync(string businessId, string appointmentId, DateTimeOffset queuedUtc, CancellationToken ct)
    {
        if (await appointments.GetAsync(businessId, appointmentId, ct) is not var (appointment, etag))
            return time.GetUtcNow() - queuedUtc > GiveUpOnMissing
                ? CalendarCallResult.Ok
                : new CalendarCallResult(CalendarCallOutcome.Transient, "The appointment is not committed yet.");
        var eventId = appointment.CalendarEventId ?? EventIdFor(appointment.Id);
        var result = appointment.Status switch
        {
            AppointmentStatus.Booked => await UpsertAsync(appointment, eventId, ct),
            AppointmentStatus.Cancelled => await calendar.CancelEventAsync(businessId, eventId, ct),
            _ => CalendarCallResult.Ok,
        };
        if (result.Outcome == CalendarCallOutcome.Done && appointment.Status == AppointmentStatus.Booked && appointment.CalendarEventId is null)
            await appointments.TryUpdateAsync(appointment with { CalendarEventId = eventId }, etag, ct); // lost race: the next sync records it
        if (result.Outcome is CalendarCallOutcome.Transient or CalendarCallOutcome.Failed)
            LogSyncProblem(businessId, appointmentId, result.Outcome, result.Error);
        return result;
    }

    private async Task<CalendarCallResult> UpsertAsync(Appointment a, string eventId, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(a.BusinessId, ct) is not { } snapshot) return CalendarCallResult.Ok;
        var professionals = a.Visit.Select(s => s.ProfessionalId).Distinct().Select(id => (Id: id, Professional: snapshot.FindProfessional(id))).ToList();
        var attendees = professionals.Select(p => p.Professional?.Email).Append(a.Customer.Email).OfType<string>().Distinct().ToList();
        var (title, description) = CalendarEventText.For(a, snapshot);
        var calendarEvent = new CalendarEvent(eventId, title, description, a.StartUtc, a.EndUtc, snapshot.Business.TimeZoneId, attendees,
            snapshot.Business.MeetLinks);
        return await calendar.UpsertEventAsync(a.BusinessId, calendarEvent, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar sync of appointment {AppointmentId} in {BusinessId}: {Outcome} ({Error})")]
    private partial void LogSyncProblem(string businessId, string appointmentId, CalendarCallOutcome outcome, string? error);
}
