using Turnos.Core.Booking;

namespace Turnos.Core.Conversations;

internal sealed partial class Turn
{
    private void Confirm(bool yes)
    {
        var s = _state;
        if (_start.HandoffOffered)
        {
            if (yes) HandOff(R.Handoff(Business));
            else if (s.Expecting == Expectation.None) Say(R.NoHandoff);
            else
            {
                Say(R.GoOnHere);
                Reask();
            }
            return;
        }
        if (!yes)
        {
            switch (s.Mode)
            {
                case ConversationMode.Cancelling:
                    Say(R.AppointmentKept);
                    _state = s.Restart() with { Greeted = true };
                    break;
                default:
                    _state = s with { Pending = null, PendingIsOffer = false, Draft = s.Draft with { Time = null } };
                    Ask(Expectation.Date, s.Mode == ConversationMode.Rescheduling
                        ? R.MoveDeclined
                        : R.BookingDeclined);
                    break;
            }
            return;
        }
        // "Sí" to "¿Te lo reservo?": now it is a booking, so name and email if missing; a known customer is not asked twice.
        var known = s.CustomerName is not null && (s.CustomerEmail is not null || s.WithoutEmail);
        if (s.PendingIsOffer && !known && s.Pending is { } offered && VisitOf(s.Draft) is { } service)
        {
            Propose(service, offered);
            return;
        }
        _effect = (s.Mode, s.Pending, s.Target) switch
        {
            (ConversationMode.Booking, { } p, _) when s.CustomerName is not null => BookEffect(p),
            (ConversationMode.Cancelling, _, { } t) => new TurnEffect.Cancel(t.AppointmentId),
            (ConversationMode.Rescheduling, { } p, { } t) => new TurnEffect.Reschedule(t.AppointmentId, p.ProfessionalId, p.StartUtc, p.Team),
            _ => null,
        };
        if (_effect is null) Reask();
        else _state = s with { Expecting = Expectation.None, Repeats = 0 };
    }

    /// <summary>Books the held slot now, for the customer as the state names them.</summary>
    private void Book(OfferedSlot slot)
    {
        _effect = BookEffect(slot);
        _state = _state with { Expecting = Expectation.None, Repeats = 0 };
    }

    private TurnEffect.Book BookEffect(OfferedSlot p) =>
        new(_state.Draft.ServiceId!, p.ProfessionalId, p.StartUtc, _state.CustomerName!, _state.CustomerEmail, _state.Draft.ServiceIds, p.Team);

    private void StartManaging(ConversationMode mode)
    {
        var upcoming = (facts.Upcoming ?? [])
            .Where(a => a.Status == AppointmentStatus.Booked && a.StartUtc > facts.NowUtc)
            .OrderBy(a => a.StartUtc)
            .Select(Choice)
            .ToList();
        if (upcoming.Count == 0)
        {
            _state = _state.Restart() with { Greeted = true };
            Offer(R.OfferAnother, R.NoUpcoming);
            return;
        }
        // "lo del martes": the day it is moved (or cancelled) from picks among several.
        var from = mode == ConversationMode.Rescheduling ? u.FromDate : u.FromDate ?? u.Date;
        var onDay = from is { } day ? upcoming.Where(a => ConversationEngine.Local(a.StartUtc, facts.Zone).Date == day).ToList() : [];
        if (from is { } missing && onDay.Count == 0) Say(R.NoneOnDay(missing));
        var candidates = onDay.Count > 0 ? onDay : upcoming;
        _state = _state with { Mode = mode, Appointments = candidates, Target = null, Pending = null, PendingIsOffer = false, Offered = [] };
        if (candidates.Count == 1)
        {
            Select(candidates[0], withNewDate: true);
            return;
        }
        Say(R.YourAppointments(candidates.Select((a, i) => $"{i + 1}) {R.AppointmentLine(a, facts.Business, Today)}")));
        Ask(Expectation.WhichAppointment, _state.Mode == ConversationMode.Cancelling ? R.WhichToCancel : R.WhichToChange);
    }

    private bool PickAppointment()
    {
        var list = _state.Appointments;
        var pick = Pick(list, u.Choice);
        var day = u.FromDate ?? u.Date;
        pick ??= list.Where(a =>
        {
            var (date, time) = ConversationEngine.Local(a.StartUtc, facts.Zone);
            return (day is null || day == date) && (u.Time is null || u.Time == time) && (day ?? (object?)u.Time) is not null;
        }).Take(2).ToList() is [var only] ? only : null;
        if (pick is null) return false;
        // The day and time that picked it ("el del martes") are not where it goes, unless a source day was named apart.
        Select(pick, withNewDate: u.FromDate is not null || u.Choice is not null);
        return true;
    }

    private void Select(AppointmentChoice target, bool withNewDate)
    {
        var line = R.AppointmentLine(target, facts.Business, Today);
        _state = _state with { Target = target };
        if (_state.Mode == ConversationMode.Cancelling)
        {
            Ask(Expectation.Confirmation, R.ConfirmCancel(line));
            return;
        }
        // A visit split across professionals is planned anew; one done by one professional stays with them.
        _state = _state with { Draft = new BookingDraft(ProfessionalId: target.Team is null ? target.ProfessionalId : null).WithServices(target.Services) };
        if (withNewDate && (u.Date is not null || u.Time is not null || u.TimeRange is not null))
        {
            AdvanceBooking();
            return;
        }
        Ask(Expectation.Date, R.AskMoveTo(line));
    }
}
