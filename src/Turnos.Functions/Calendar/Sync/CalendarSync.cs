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
        var number = snapshot.Business.WhatsAppNumbers.FirstOrDefault();
        var attendees = professionals.Select(p => p.Professional?.Email).Append(a.Customer.Email).OfType<string>().Distinct().ToList();
        var local = LocalTime.ToLocal(a.StartUtc, snapshot.Business.TimeZone);
        string Name(string serviceId) => snapshot.FindService(serviceId)?.Name ?? serviceId;
        string At(DateTimeOffset utc) => SpanishFormat.Time(TimeOnly.FromDateTime(LocalTime.ToLocal(utc, snapshot.Business.TimeZone)));
        // A visit lists every service with its time and who does it, so whoever opens the event sees the whole visit.
        var services = a.IsVisit
            ? "Servicios:\n" + string.Join("\n", a.Visit.Select(s => $"• {At(s.StartUtc)} {Name(s.ServiceId)} con {snapshot.FindProfessional(s.ProfessionalId)?.Name ?? s.ProfessionalId}")) + "\n"
            : "";
        var description =
            $"Reserva {a.Code} hecha con Turnos.\nCliente: {a.Customer.Name} ({Contact(a)})\n" +
            $"Con: {SpanishFormat.List(professionals.Select(p => p.Professional?.Name ?? p.Id))}\nTurno: {SpanishFormat.LongDay(DateOnly.FromDateTime(local))} a las {SpanishFormat.Time(TimeOnly.FromDateTime(local))}\n" +
            services +
            (number is null ? "" : $"Para cambiarlo o cancelarlo, escribe por WhatsApp al {number} (https://wa.me/{number.TrimStart('+')}).");
        // A customer of the chat API or the web widget has no phone, only that channel's address.
        static string Contact(Appointment a) => a.Source switch
        {
            AppointmentSource.Chat => "por la API de chat",
            AppointmentSource.Web => "por el chat de la web",
            _ => a.Customer.Phone,
        };
        var calendarEvent = new CalendarEvent(eventId, $"{string.Join(" + ", a.Visit.Select(s => Name(s.ServiceId)))} — {a.Customer.Name}", description,
            a.StartUtc, a.EndUtc, snapshot.Business.TimeZoneId, attendees, snapshot.Business.MeetLinks);
        return await calendar.UpsertEventAsync(a.BusinessId, calendarEvent, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar sync of appointment {AppointmentId} in {BusinessId}: {Outcome} ({Error})")]
    private partial void LogSyncProblem(string businessId, string appointmentId, CalendarCallOutcome outcome, string? error);
}
