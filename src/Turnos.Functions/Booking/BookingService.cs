using Turnos.Core.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Calendar;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Booking;

/// <summary>
/// Books, cancels and moves appointments. Business rules are checked by the availability engine; double
/// booking is prevented by the schedule's lock rows, not by the check, so concurrent requests are safe.
/// </summary>
/// <remarks>Each change writes its calendar work to the outbox before the appointment changes and marks it ready after;
/// the caller starts the calendar orchestration (<see cref="CalendarStarter"/>), so nothing here waits for Google. The
/// outbox, Google busy times and metrics are optional: tools that never talk to Google leave them out.</remarks>
public sealed partial class BookingService(
    CatalogStore catalog, AppointmentStore appointments, ScheduleStore schedule, CustomerStore customers,
    TimeProvider time, ILogger<BookingService> logger, CalendarOutbox? calendar = null, GoogleBusyTimes? googleBusy = null,
    TurnosMetrics? metrics = null)
{
    public async Task<BookingResult> BookAsync(BookingRequest request, CancellationToken ct = default)
    {
        try
        {
            var result = await BookCoreAsync(request, ct);
            metrics?.Booking(request.Source, result);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics?.BookingFailed(request.Source, "error");
            throw;
        }
    }

    private async Task<BookingResult> BookCoreAsync(BookingRequest request, CancellationToken ct)
    {
        var snapshot = await catalog.GetSnapshotAsync(request.BusinessId, ct);
        if (snapshot is null) return new BookingResult.Refused(BookingRefusal.UnknownBusiness);
        if (Validate(snapshot, request) is { } refusal) return refusal;

        var claims = new IdempotencyClaims(appointments, time);
        Claim? claim = null;
        var id = NewId();
        if (request.IdempotencyKey is { } key)
        {
            var (acquired, earlier) = await claims.AcquireAsync(request.BusinessId, key, id, ct);
            if (earlier is not null) return earlier;
            claim = acquired!;
            id = claim.AppointmentId;
        }

        var held = await HoldAsync(snapshot, request, id, replacing: null, ct);
        if (held is not BookingResult.Booked { Appointment: var appointment })
        {
            if (claim is not null) await appointments.ReleaseClaimAsync(request.BusinessId, request.IdempotencyKey!, claim, ct);
            return held;
        }

        if (calendar is not null) await calendar.PrepareAsync(appointment.BusinessId, appointment.Id, ct);
        for (var attempt = 0; ; attempt++)
        {
            switch (await appointments.CommitAsync(appointment, claim, replaced: null, ct))
            {
                case AppointmentStore.CommitOutcome.Committed:
                    await customers.RecordBookingAsync(appointment, ct);
                    LogBooked(appointment.BusinessId, appointment.Id, appointment.ProfessionalId, appointment.Source);
                    await CalendarReadyAsync(appointment.BusinessId, appointment.Id, ct);
                    return new BookingResult.Booked(appointment, Replayed: false);
                case AppointmentStore.CommitOutcome.CodeTaken when attempt < 5:
                    appointment = appointment with { Code = BookingCode.New() };
                    break;
                default:
                    // Our claim was taken over as stale while we worked (or codes kept colliding): give the
                    // slot back, and answer with whatever the key's winner booked.
                    await schedule.ReleaseAsync(appointment, ct);
                    return await claims.ReplayAsync(request.BusinessId, request.IdempotencyKey, ct)
                        ?? new BookingResult.Refused(BookingRefusal.InProgress);
            }
        }
    }

    /// <summary>Marks the appointment cancelled, then releases its time.</summary>
    public async Task<CancelResult> CancelAsync(string businessId, string appointmentId, CancellationToken ct = default)
    {
        Appointment? attempted = null;
        while (true)
        {
            if (await appointments.GetAsync(businessId, appointmentId, ct) is not var (current, etag))
                return new CancelResult.NotFound();
            if (current.Status == AppointmentStatus.Booked)
            {
                if (calendar is not null) await calendar.PrepareAsync(businessId, appointmentId, ct);
                attempted = current with { Status = AppointmentStatus.Cancelled, UpdatedUtc = time.GetUtcNow() };
                if (!await appointments.TryUpdateAsync(attempted, etag, ct)) continue; // changed meanwhile: look again
                current = attempted;
            }
            // Releasing is idempotent, and doing it again heals a cancel that stopped before it.
            if (current.Status == AppointmentStatus.Cancelled) await schedule.ReleaseAsync(current, ct);
            // Ours when it is what we wrote, even if the answer to that write was lost and the retry refused.
            if (current != attempted) return new CancelResult.NotActive(current);
            LogCancelled(businessId, appointmentId);
            await CalendarReadyAsync(businessId, appointmentId, ct);
            return new CancelResult.Cancelled(current);
        }
    }

    /// <summary>Books the new time first and only then gives up the old one, so a failed move keeps the
    /// customer's original appointment.</summary>
    /// <param name="team">For a visit, who does each service at the new time; without it the visit keeps its
    /// professionals (or <paramref name="professionalId"/> does all it can).</param>
    public async Task<RescheduleResult> RescheduleAsync(string businessId, string appointmentId, DateTimeOffset newStartUtc,
        string? professionalId = null, CancellationToken ct = default, IReadOnlyList<string>? team = null)
    {
        var snapshot = await catalog.GetSnapshotAsync(businessId, ct);
        if (snapshot is null || await appointments.GetAsync(businessId, appointmentId, ct) is not var (old, etag))
            return new RescheduleResult.NotFound();
        if (old.Status != AppointmentStatus.Booked) return new RescheduleResult.NotActive(old);

        var request = new BookingRequest(businessId, old.ServiceId, professionalId ?? old.ProfessionalId, newStartUtc,
            old.Customer, old.Source, DurationMinutes: old.IsVisit ? null : (int)(old.EndUtc - old.StartUtc).TotalMinutes,
            ServiceIds: old.IsVisit ? [.. old.Visit.Select(s => s.ServiceId)] : null,
            Team: old.IsVisit ? team ?? (professionalId is null ? Visit.TeamOf(old.Visit) : null) : null, Language: old.Language);
        if (Validate(snapshot, request, old) is { } refusal) return new RescheduleResult.Refused(refusal.Reason, refusal.SlotReason);
        var held = await HoldAsync(snapshot, request, NewId(), replacing: old, ct);
        if (held is not BookingResult.Booked { Appointment: var replacement })
        {
            var r = (BookingResult.Refused)held;
            return new RescheduleResult.Refused(r.Reason, r.SlotReason);
        }
        // The replacement keeps the original's calendar event, which is moved rather than recreated.
        replacement = replacement with { RescheduledFromId = old.Id, CalendarEventId = old.CalendarEventId ?? CalendarSync.EventIdFor(old.Id) };
        if (calendar is not null) await calendar.PrepareAsync(businessId, replacement.Id, ct);
        var moved = old with { Status = AppointmentStatus.Rescheduled, RescheduledToId = replacement.Id, UpdatedUtc = replacement.CreatedUtc };
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await appointments.CommitAsync(replacement, null, (moved, etag), ct);
            if (outcome == AppointmentStore.CommitOutcome.CodeTaken && attempt < 5)
            {
                replacement = replacement with { Code = BookingCode.New() };
                continue;
            }
            if (outcome == AppointmentStore.CommitOutcome.Committed) break;
            // The original changed meanwhile (cancelled or moved elsewhere): undo our hold and report it.
            await schedule.UndoMoveAsync(old, replacement, ct);
            var now = await appointments.GetAsync(businessId, appointmentId, ct);
            return new RescheduleResult.NotActive(now?.Appointment ?? old);
        }
        await schedule.ReleaseLeftAsync(old, replacement, ct);
        await customers.RecordBookingAsync(replacement, ct);
        LogRescheduled(businessId, old.Id, replacement.Id);
        await CalendarReadyAsync(businessId, replacement.Id, ct);
        return new RescheduleResult.Rescheduled(replacement, moved);
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
