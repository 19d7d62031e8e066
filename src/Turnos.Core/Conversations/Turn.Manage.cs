using Turnos.Core.Booking;

namespace Turnos.Core.Conversations;

internal sealed partial class Turn
{
    private void Confirm(bool yes)
    {
        var s = _state;
        if (!yes)
        {
            switch (s.Mode)
            {
                case ConversationMode.Cancelling:
                    Say("Perfecto, tu turno sigue en pie. 👍");
                    _state = s.Restart() with { Greeted = true };
                    break;
                default:
                    _state = s with { Pending = null, Draft = s.Draft with { Time = null } };
                    Expect(Expectation.Date, s.Mode == ConversationMode.Rescheduling
                        ? "Ok, tu turno sigue como estaba. ¿Quieres probar otro día u horario?"
                        : "Sin problema. 👍 ¿Quieres otro día u horario?");
                    break;
            }
            return;
        }
        _effect = (s.Mode, s.Pending, s.Target) switch
        {
            (ConversationMode.Booking, { } p, _) when s.CustomerName is not null =>
                new TurnEffect.Book(s.Draft.ServiceId!, p.ProfessionalId, p.StartUtc, s.CustomerName, s.CustomerEmail),
            (ConversationMode.Cancelling, _, { } t) => new TurnEffect.Cancel(t.AppointmentId),
            (ConversationMode.Rescheduling, { } p, { } t) => new TurnEffect.Reschedule(t.AppointmentId, p.ProfessionalId, p.StartUtc),
            _ => null,
        };
        if (_effect is null) Reask();
        else _state = s with { Expecting = Expectation.None };
    }

    private void StartManaging(ConversationMode mode)
    {
        var upcoming = (facts.Upcoming ?? [])
            .Where(a => a.Status == AppointmentStatus.Booked && a.StartUtc > facts.NowUtc)
            .OrderBy(a => a.StartUtc)
            .Select(a => new AppointmentChoice(a.Id, a.ServiceId, a.ProfessionalId, a.StartUtc))
            .ToList();
        if (upcoming.Count == 0)
        {
            Say("No encontré turnos próximos para este número. ¿Quieres reservar uno?");
            _state = _state.Restart() with { Greeted = true };
            return;
        }
        _state = _state with { Mode = mode, Appointments = upcoming, Target = null, Pending = null, Offered = [] };
        if (upcoming.Count == 1)
        {
            Select(upcoming[0]);
            return;
        }
        Say("Tienes estos turnos:\n" + string.Join("\n", upcoming.Select((a, i) => $"{i + 1}) {Replies.AppointmentLine(a, facts.Business, Today)}")));
        Expect(Expectation.WhichAppointment, _state.Mode == ConversationMode.Cancelling ? "¿Cuál quieres cancelar? Respóndeme con el número." : "¿Cuál quieres cambiar? Respóndeme con el número.");
    }

    private bool PickAppointment()
    {
        var list = _state.Appointments;
        var pick = Pick(list, u.Choice);
        pick ??= list.Where(a =>
        {
            var (date, time) = ConversationEngine.Local(a.StartUtc, facts.Zone);
            return (u.Date is null || u.Date == date) && (u.Time is null || u.Time == time) && (u.Date ?? (object?)u.Time) is not null;
        }).Take(2).ToList() is [var only] ? only : null;
        if (pick is null) return false;
        Select(pick);
        return true;
    }

    private void Select(AppointmentChoice target)
    {
        var line = Replies.AppointmentLine(target, facts.Business, Today);
        _state = _state with { Target = target };
        if (_state.Mode == ConversationMode.Cancelling)
        {
            Expect(Expectation.Confirmation, $"Tu turno: {line}. ¿Lo cancelo? Responde *sí* o *no*.");
            return;
        }
        _state = _state with { Draft = new BookingDraft(target.ServiceId, target.ProfessionalId) };
        if (u.Date is not null || u.Time is not null || u.TimeRange is not null)
        {
            AdvanceBooking();
            return;
        }
        Expect(Expectation.Date, $"Tu turno: {line}. {Replies.AskNewDate}");
    }

    private void TellPrices()
    {
        if (u.ServiceId is { } id && facts.Business.FindService(id) is { } service)
        {
            Say(Replies.PriceOf(service, Business));
            _state = _state with { Mode = ConversationMode.Booking, Draft = _state.Draft with { ServiceId = id } };
            Expect(Expectation.Date, "¿Quieres reservar? Dime para qué día.");
            return;
        }
        Say(Replies.PriceList(facts.Business));
        _state = _state with { Mode = ConversationMode.Booking };
        Expect(Expectation.Service, "¿Te gustaría reservar alguno?");
    }

    /// <summary>Asks again whatever was pending, so an unclear message never loses the thread.</summary>
    private void Reask()
    {
        switch (_state.Expecting)
        {
            case Expectation.Service: Say(Replies.AskService(facts.Business)); break;
            case Expectation.Date: Say(Replies.AskDate); break;
            case Expectation.Name: Say(Replies.AskName); break;
            case Expectation.Email: Say(Replies.AskEmail); break;
            case Expectation.Confirmation: Say(Replies.AskConfirm); break;
            case Expectation.WhichAppointment: Say(Replies.AskWhich); break;
            case Expectation.Choice when _state.Offered.Count > 0:
                Say(Replies.Options("Estas son las opciones:", _state.Offered, facts.Business, Today));
                break;
            default: Say(Replies.Menu); break;
        }
    }

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
