using Turnos.Core.Availability;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

internal sealed partial class Turn
{
    private const int MaxListedTimes = 12;

    /// <summary>Merges what was said into the draft and asks for the next missing piece, one at a time.</summary>
    private void AdvanceBooking()
    {
        var draft = Merge(_state.Draft);
        var mode = _state.Mode == ConversationMode.None ? ConversationMode.Booking : _state.Mode;
        _state = _state with { Mode = mode, Draft = draft, Pending = null, Offered = [] };

        if (draft.ServiceId is null || facts.Business.FindService(draft.ServiceId) is not { } service)
        {
            Expect(Expectation.Service, Replies.AskService(facts.Business));
            return;
        }
        if (u.Intent == Intent.Price) Say(Replies.PriceOf(service, Business));
        var date = draft.Date;
        if (date is null && (u.Intent == Intent.Availability || draft.TimeRange is not null))
            date = SlotFinder.NextOpenDay(facts, service, draft, Today);
        if (date is null)
        {
            Expect(Expectation.Date, mode == ConversationMode.Rescheduling ? Replies.AskNewDate : Replies.AskDate);
            return;
        }
        if (date < Today)
        {
            _state = _state with { Draft = draft with { Date = null, Time = null } };
            OfferAlternatives("Esa fecha ya pasó.", service, _state.Draft, Today, null);
            return;
        }
        _state = _state with { Draft = draft with { Date = date } };
        if (draft.Time is not { } time || u.Intent == Intent.Availability && u.Time is null)
        {
            ListFreeTimes(service, draft with { Date = date }, date.Value);
            return;
        }
        var (slot, reason) = SlotFinder.Check(facts, service, draft, date.Value, time);
        if (slot is null)
        {
            OfferAlternatives(Replies.Unavailable(reason, date.Value, facts.Business, Today), service, draft, date.Value, time);
            return;
        }
        Propose(service, slot);
    }

    private BookingDraft Merge(BookingDraft draft)
    {
        if (u.ServiceId is not null) draft = draft with { ServiceId = u.ServiceId };
        if (u.ProfessionalId is not null) draft = draft with { ProfessionalId = u.ProfessionalId, AnyProfessional = false };
        else if (u.AnyProfessional) draft = draft with { ProfessionalId = null, AnyProfessional = true };
        // A new day makes the old time meaningless unless a time comes with it.
        if (u.Date is not null && u.Date != draft.Date) draft = draft with { Date = u.Date, Time = null };
        if (u.Time is not null) draft = draft with { Time = u.Time, TimeRange = null };
        if (u.TimeRange is not null) draft = draft with { TimeRange = u.TimeRange, Time = null };
        return draft;
    }

    private void ListFreeTimes(Service service, BookingDraft draft, DateOnly date)
    {
        var free = SlotFinder.FreeOn(facts, service, draft, date, draft.TimeRange);
        if (free.Count == 0)
        {
            var why = SlotFinder.FreeOn(facts, service, draft, date).Count > 0
                ? "En ese rango no me quedan horarios libres."
                : Replies.Unavailable(DayProblem(service, draft, date), date, facts.Business, Today);
            OfferAlternatives(why, service, draft with { TimeRange = null }, date, null);
            return;
        }
        var listed = free.Count <= MaxListedTimes ? free : Spread(free, MaxListedTimes);
        _state = _state with { Offered = listed, Expecting = Expectation.Choice };
        Say(Replies.FreeTimes(date, Today, listed, facts.Zone));
    }

    /// <summary>Why a whole day has nothing, for the message: closed, too far, or simply full.</summary>
    private UnavailableReason DayProblem(Service service, BookingDraft draft, DateOnly date)
    {
        if (date > Today.AddDays(Business.Policy.MaximumHorizonDays)) return UnavailableReason.BeyondHorizon;
        var open = SlotFinder.Candidates(facts, service, draft).Any(p => !p.Hours.IsClosed(date.DayOfWeek));
        return open ? UnavailableReason.Booked : UnavailableReason.ClosedDay;
    }

    private void OfferAlternatives(string why, Service service, BookingDraft draft, DateOnly date, TimeOnly? time, DateTimeOffset? exclude = null)
    {
        var options = SlotFinder.Alternatives(facts, service, draft, date, time, exclude);
        _state = _state with { Offered = options };
        if (options.Count == 0)
        {
            Expect(Expectation.Date, why + " No encontré horarios libres en los próximos días. ¿Probamos con otra fecha?");
            return;
        }
        _state = _state with { Expecting = Expectation.Choice };
        Say(Replies.Options(why + " Te puedo ofrecer:", options, facts.Business, Today));
    }

    /// <summary>A pick among the offered starts: by number, or by saying one of their times.</summary>
    private bool PickOffered()
    {
        var offered = _state.Offered;
        OfferedSlot? pick = null;
        if (Pick(offered, u.Choice) is { } chosen) pick = chosen;
        else if (u.Time is { } time && u.Date is null)
            pick = offered.FirstOrDefault(o => ConversationEngine.Local(o.StartUtc, facts.Zone).Time == time);
        if (pick is null) return false;
        var service = facts.Business.FindService(_state.Draft.ServiceId!)!;
        var (date, at) = ConversationEngine.Local(pick.StartUtc, facts.Zone);
        _state = _state with { Draft = _state.Draft with { Date = date, Time = at } };
        var (slot, reason) = SlotFinder.Check(facts, service, _state.Draft with { ProfessionalId = pick.ProfessionalId }, date, at);
        if (slot is null) OfferAlternatives(Replies.Unavailable(reason, date, facts.Business, Today), service, _state.Draft, date, at);
        else Propose(service, slot);
        return true;
    }

    /// <summary>A free slot is held in the state; ask what is still missing, then for confirmation.</summary>
    private void Propose(Service service, OfferedSlot slot)
    {
        _state = _state with { Pending = slot, Offered = [] };
        if (_state.Mode == ConversationMode.Rescheduling && _state.Target is { } target)
        {
            Say(Replies.Summary($"Paso tu turno del {Replies.SlotText(new OfferedSlot(target.ProfessionalId, target.StartUtc), facts.Business, Today)} a:",
                service, slot, facts.Business));
            Expect(Expectation.Confirmation, Replies.AskConfirm);
        }
        else if (_state.CustomerName is null) Expect(Expectation.Name, Replies.AskName);
        else if (_state.CustomerEmail is null) Expect(Expectation.Email, Replies.AskEmail);
        else
        {
            Say(Replies.Summary("Te reservo:", service, slot, facts.Business));
            Expect(Expectation.Confirmation, Replies.AskConfirm);
        }
    }

    /// <summary>1-based from the start, negative from the end ("la última" is -1).</summary>
    private static T? Pick<T>(IReadOnlyList<T> items, int? choice) where T : class =>
        choice switch
        {
            { } n when n >= 1 && n <= items.Count => items[n - 1],
            { } n when n < 0 && -n <= items.Count => items[items.Count + n],
            _ => null,
        };

    private static List<OfferedSlot> Spread(List<OfferedSlot> all, int count) =>
        [.. Enumerable.Range(0, count).Select(i => all[i * all.Count / count])];
}
