using Turnos.Core.Booking;
using Turnos.Core.Conversations;
using Turnos.Functions.Booking;

namespace Turnos.Functions.Conversations;

/// <summary>Runs what a turn decided, idempotently: a redone turn books under the same key, and
/// finding its own cancel, confirmation or move already done reports it as done.</summary>
public sealed class TurnEffects(BookingService booking, AppointmentStore appointments)
{
    /// <param name="durationMinutes">A chat's own appointment length (<c>duracion_cita_minutos</c>) for a booking of one service.</param>
    public async Task<EffectOutcome> RunAsync(TurnEffect effect, ConversationState state, InboundMessage message, CancellationToken ct,
        int? durationMinutes = null)
    {
        var b = message.BusinessId;
        switch (effect)
        {
            case TurnEffect.Book book:
                var request = new BookingRequest(b, book.ServiceId, book.ProfessionalId, book.StartUtc,
                    new CustomerInfo(book.Name, message.CustomerPhone, book.Email), AppointmentSource.WhatsApp,
                    IdempotencyKey: $"whatsapp:{message.MessageSid}", ServiceIds: book.ServiceIds, Team: book.Team,
                    DurationMinutes: book.ServiceIds is { Count: > 1 } ? null : durationMinutes);
                return await booking.BookAsync(request, ct) switch
                {
                    BookingResult.Booked booked => new EffectOutcome.Booked(booked.Appointment),
                    BookingResult.Refused refused => new EffectOutcome.SlotLost(refused.SlotReason),
                    _ => throw new InvalidOperationException("Unknown booking result."),
                };
            case TurnEffect.Cancel cancel:
                return await booking.CancelAsync(b, cancel.AppointmentId, ct) switch
                {
                    CancelResult.Cancelled c => new EffectOutcome.Cancelled(c.Appointment),
                    CancelResult.NotActive { Appointment.Status: AppointmentStatus.Cancelled } n => new EffectOutcome.Cancelled(n.Appointment),
                    _ => new EffectOutcome.NotActive(),
                };
            case TurnEffect.Confirm confirm:
                return await booking.ConfirmAsync(b, confirm.AppointmentId, ct) switch
                {
                    ConfirmResult.Confirmed c => new EffectOutcome.Confirmed(c.Appointment),
                    _ => new EffectOutcome.NotActive(),
                };
            case TurnEffect.Reschedule move:
                return await booking.RescheduleAsync(b, move.AppointmentId, move.StartUtc, move.ProfessionalId, ct, move.Team) switch
                {
                    RescheduleResult.Rescheduled r => new EffectOutcome.Rescheduled(r.Replacement),
                    RescheduleResult.Refused r => new EffectOutcome.SlotLost(r.SlotReason),
                    RescheduleResult.NotActive { Appointment: { Status: AppointmentStatus.Rescheduled, RescheduledToId: { } to } }
                        when await appointments.GetAsync(b, to, ct) is { } replacement => new EffectOutcome.Rescheduled(replacement.Appointment),
                    _ => new EffectOutcome.NotActive(),
                };
            case TurnEffect.FlagForHuman:
                return new EffectOutcome.Done();
            default:
                throw new InvalidOperationException($"Unknown effect {effect.GetType().Name}.");
        }
    }
}
