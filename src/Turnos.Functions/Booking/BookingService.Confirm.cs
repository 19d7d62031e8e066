using Turnos.Core.Booking;

namespace Turnos.Functions.Booking;

public sealed partial class BookingService
{
    /// <summary>Marks that the customer confirmed a booked appointment (answering a reminder), counted once. It stays booked:
    /// nothing about its time changes, so neither the calendar nor the reminders need to hear of it.</summary>
    public async Task<ConfirmResult> ConfirmAsync(string businessId, string appointmentId, CancellationToken ct = default)
    {
        while (true)
        {
            if (await appointments.GetAsync(businessId, appointmentId, ct) is not var (current, etag)) return new ConfirmResult.NotFound();
            if (current.Status != AppointmentStatus.Booked) return new ConfirmResult.NotActive(current);
            // A second "1" (or a retried activity) finds it confirmed and keeps the first time.
            if (current.ConfirmedUtc is not null) return new ConfirmResult.Confirmed(current);
            var now = time.GetUtcNow();
            var confirmed = current with { ConfirmedUtc = now, UpdatedUtc = now };
            if (!await appointments.TryUpdateAsync(confirmed, etag, ct)) continue; // changed meanwhile: look again
            LogConfirmed(businessId, appointmentId);
            metrics?.ReminderConfirmed();
            return new ConfirmResult.Confirmed(confirmed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} in {BusinessId} confirmed by the customer")]
    private partial void LogConfirmed(string businessId, string appointmentId);
}
