using Turnos.Core.Booking;

namespace Turnos.Core.Conversations;

internal sealed partial class Turn
{
    /// <summary>Replies for the outcome of the effect this turn asked for.</summary>
    public TurnDecision Finish(TurnEffect effect, EffectOutcome outcome)
    {
        var restart = _state.Restart() with { Greeted = true };
        switch (outcome)
        {
            case EffectOutcome.Booked { Appointment: var a }:
                Say(Replies.Booked(a, facts.Business));
                _state = restart;
                break;
            case EffectOutcome.Rescheduled { Replacement: var a }:
                Say(Replies.Booked(a, facts.Business).Replace("quedó reservado", "quedó cambiado"));
                _state = restart;
                break;
            case EffectOutcome.Cancelled { Appointment: var a }:
                Say($"Listo, cancelé tu turno de {Replies.AppointmentLine(new AppointmentChoice(a.Id, a.ServiceId, a.ProfessionalId, a.StartUtc), facts.Business, Today)}. ¿Quieres reservar otro?");
                _state = restart;
                break;
            case EffectOutcome.NotActive:
                Say("Ese turno ya no está activo (fue cancelado o cambiado).");
                _state = restart;
                break;
            case EffectOutcome.SlotLost { Reason: var reason } when _state.Pending is { } lost && facts.Business.FindService(_state.Draft.ServiceId!) is { } service:
                var (date, time) = ConversationEngine.Local(lost.StartUtc, facts.Zone);
                var why = reason is null or Availability.UnavailableReason.Booked
                    ? "Uy, ese horario se acaba de ocupar. 😕"
                    : Replies.Unavailable(reason, date, facts.Business, Today);
                _state = _state with { Pending = null };
                OfferAlternatives(why, service, _state.Draft, date, time, exclude: lost.StartUtc);
                break;
        }
        return Decision();
    }
}
