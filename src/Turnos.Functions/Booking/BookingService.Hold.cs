using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Functions.Booking;

public sealed partial class BookingService
{
    /// <param name="replacing">The appointment a reschedule moves: a visit keeps the lengths it was booked with.</param>
    private static BookingResult.Refused? Validate(BusinessSnapshot snapshot, BookingRequest request, Appointment? replacing = null)
    {
        if (request.IsVisit) return ValidateVisit(snapshot, request, replacing);
        var service = snapshot.FindService(request.ServiceId);
        if (service is null) return new(BookingRefusal.UnknownService);
        if (request.ProfessionalId is { } pid)
        {
            var professional = snapshot.FindProfessional(pid);
            if (professional is null) return new(BookingRefusal.UnknownProfessional);
            if (!professional.ServiceIds.Contains(service.Id)) return new(BookingRefusal.ProfessionalDoesNotOfferService);
        }
        if (request.StartUtc.UtcTicks % TimeSpan.FromMinutes(SlotLocks.GranuleMinutes).Ticks != 0)
            return new(BookingRefusal.InvalidStart);
        var policy = snapshot.Business.Policy;
        if (request.DurationMinutes is { } d && (d is < 5 or > 480 || d % 5 != 0
                || d + policy.BufferBeforeMinutes + policy.BufferAfterMinutes > CatalogValidator.MaxHeldMinutes))
            return new(BookingRefusal.InvalidDuration);
        return null;
    }

    /// <summary>
    /// Checks the rules for each candidate professional and takes the locks of the first that is free,
    /// trying the least booked first. Returns the (not yet committed) appointment or why it cannot be.
    /// </summary>
    private async Task<BookingResult> HoldAsync(BusinessSnapshot snapshot, BookingRequest request, string id,
        Appointment? replacing, CancellationToken ct)
    {
        if (request.IsVisit) return await HoldVisitAsync(snapshot, request, id, replacing, ct);
        var service = snapshot.FindService(request.ServiceId)!;
        var candidates = request.ProfessionalId is { } pid ? [snapshot.FindProfessional(pid)!] : snapshot.ProfessionalsFor(service.Id);
        if (candidates.Count == 0) return new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.OutsideHours);

        var now = time.GetUtcNow();
        // An appointment belongs to the work day its range starts on: the start's local date, or the
        // day before for a range that runs past midnight.
        var day = LocalTime.Today(request.StartUtc, snapshot.Business.TimeZone);
        // Google is asked fresh here, not from the short cache: a slot that just became busy there is not booked.
        var googleTask = googleBusy?.GetAsync(snapshot, day.AddDays(-1), day, fresh: true, ct) ?? Task.FromResult<IReadOnlyList<BusyInterval>>([]);
        var held = await schedule.ReadAsync(snapshot.Business.Id, day.AddDays(-1), day, ct);
        var google = await googleTask;

        var free = new List<(Professional Professional, SlotCheck Check)>();
        var counts = new Dictionary<string, int>();
        UnavailableReason? reason = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var mine = held.Where(h => h.ProfessionalId == candidates[i].Id && h.AppointmentId != replacing?.Id).ToList();
            var busy = mine.Select(h => new BusyInterval(h.ProfessionalId, h.FromUtc, h.UntilUtc, h.AppointmentId))
                .Concat(google.Where(g => g.ProfessionalId == candidates[i].Id)).ToList();
            var check = AvailabilityEngine.CheckSlot(snapshot, service, candidates[i], request.StartUtc, busy, now, request.DurationMinutes);
            if (!check.Available)
            {
                // "Booked" says most to a customer who asked for anyone: someone works then, all are busy.
                if (reason is null || check.Reason == UnavailableReason.Booked) reason = check.Reason;
                continue;
            }
            free.Add((candidates[i], check));
            counts[candidates[i].Id] = mine.Count(h => h.WorkDay == check.WorkDay);
        }

        foreach (var professional in BookingRules.OrderForAnyProfessional([.. free.Select(f => f.Professional)], counts))
        {
            var check = free.First(f => f.Professional == professional).Check;
            var appointment = NewAppointment(snapshot, service, professional, request, id, check, now);
            var taken = replacing is not null
                ? await schedule.TryMoveAsync(replacing, appointment, ct)
                : await schedule.TryHoldAsync(appointment, ct);
            if (taken) return new BookingResult.Booked(appointment, Replayed: false);
            LogSlotTaken(snapshot.Business.Id, professional.Id);
        }
        return new BookingResult.Refused(BookingRefusal.SlotUnavailable, free.Count > 0 ? UnavailableReason.Booked : reason);
    }

    private static Appointment NewAppointment(BusinessSnapshot snapshot, Service service, Professional professional,
        BookingRequest request, string id, SlotCheck check, DateTimeOffset now)
    {
        var policy = snapshot.Business.Policy;
        return new Appointment(id, BookingCode.New(), snapshot.Business.Id, service.Id, professional.Id, request.Customer,
            request.StartUtc, check.EndUtc, policy.BufferBeforeMinutes, policy.BufferAfterMinutes, check.WorkDay,
            AppointmentStatus.Booked, request.Source, request.IdempotencyKey, CalendarEventId: null, now, now, Language: request.Language);
    }

    /// <summary>The change is committed: failing to mark its calendar work ready must not turn it into an error (and a
    /// retried request into a second booking). The row stays not ready, and the reconciliation adopts it.</summary>
    private async Task CalendarReadyAsync(string businessId, string appointmentId, CancellationToken ct)
    {
        if (calendar is null) return;
        try
        {
            await calendar.ReadyAsync(businessId, appointmentId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCalendarNotReady(e, businessId, appointmentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar work of appointment {AppointmentId} in {BusinessId} not marked ready; the reconciliation will take it")]
    private partial void LogCalendarNotReady(Exception exception, string businessId, string appointmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booked appointment {AppointmentId} in {BusinessId} with {ProfessionalId} via {Source}")]
    private partial void LogBooked(string businessId, string appointmentId, string professionalId, AppointmentSource source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slot taken meanwhile in {BusinessId} for {ProfessionalId}")]
    private partial void LogSlotTaken(string businessId, string professionalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled appointment {AppointmentId} in {BusinessId}")]
    private partial void LogCancelled(string businessId, string appointmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rescheduled appointment {AppointmentId} in {BusinessId} to {ReplacementId}")]
    private partial void LogRescheduled(string businessId, string appointmentId, string replacementId);
}
