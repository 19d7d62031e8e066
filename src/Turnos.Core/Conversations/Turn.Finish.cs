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
                Say(R.Booked(a, facts.Business));
                _state = restart;
                break;
            case EffectOutcome.Rescheduled { Replacement: var a }:
                Say(R.Rescheduled(a, facts.Business));
                _state = restart;
                break;
            case EffectOutcome.Confirmed { Appointment: var a }:
                Say(R.ReminderConfirmed(R.AppointmentLine(Choice(a), facts.Business, Today)));
                _state = restart;
                break;
            case EffectOutcome.Cancelled { Appointment: var a }:
                Say(R.Cancelled(R.AppointmentLine(Choice(a), facts.Business, Today)));
                _state = restart;
                break;
            case EffectOutcome.NotActive:
                Say(R.NotActive);
                _state = restart;
                break;
            case EffectOutcome.SlotLost { Reason: var reason } when _state.Pending is { } lost && VisitOf(_state.Draft) is { } service:
                var (date, time) = ConversationEngine.Local(lost.StartUtc, facts.Zone);
                var why = reason is null or Availability.UnavailableReason.Booked
                    ? R.SlotJustTaken
                    : R.Unavailable(reason, date, facts.Business, Today);
                _state = _state with { Pending = null };
                OfferAlternatives(why, service, _state.Draft, date, time, exclude: lost.StartUtc);
                break;
        }
        return Decision();
    }

    /// <summary>An appointment as listed to pick from: a visit keeps its services and who does each.</summary>
    private static AppointmentChoice Choice(Appointment a) =>
        new(a.Id, a.ServiceId, a.ProfessionalId, a.StartUtc, a.IsVisit ? ValueList.Of(a.Visit.Select(s => s.ServiceId)) : null, Visit.TeamOf(a.Visit));
}
