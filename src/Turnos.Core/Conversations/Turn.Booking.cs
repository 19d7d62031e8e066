using Turnos.Core.Availability;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

internal sealed partial class Turn
{
    private const int MaxListedTimes = 12;

    /// <summary>Merges what was said into the draft and asks for the next missing piece, one at a time.</summary>
    private void AdvanceBooking()
    {
        var mode = _state.Mode == ConversationMode.None ? ConversationMode.Booking : _state.Mode;
        var draft = WithChatService(Merge(_state.Draft), mode);
        _state = _state with { Mode = mode, Draft = draft, Pending = null, PendingIsOffer = false, Offered = [] };

        if (VisitOf(draft) is not { } service)
        {
            // "¿Hay lugar el viernes a las 4?" before saying what for: answer it for any service, then ask which.
            if (u.Intent == Intent.Availability && draft is { Date: { } day, Time: { } at })
                Say(R.AnyServiceFree(SlotFinder.AnyServiceFree(facts, draft, day, at), day, at, Today));
            Ask(Expectation.Service, R.AskService(facts.Business));
            return;
        }
        if (u.Intent == Intent.Price) Say(string.Join("\n", service.Select(s => R.PriceOf(s, Business))));
        var date = draft.Date;
        if (date is null && (u.Intent == Intent.Availability || draft.TimeRange is not null))
            date = SlotFinder.NextOpenDay(facts, service, draft, Today);
        if (date is null)
        {
            Ask(Expectation.Date, mode == ConversationMode.Rescheduling ? R.AskNewDate : R.AskDate);
            return;
        }
        if (date < Today)
        {
            _state = _state with { Draft = draft with { Date = null, Time = null } };
            OfferAlternatives(R.DatePassed, service, _state.Draft, Today, null);
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
            OfferAlternatives(R.Unavailable(reason, date.Value, facts.Business, Today), service, draft, date.Value, time);
            return;
        }
        // A question ("¿hay lugar…?") gets an answer and an offer; name and email only once they want it.
        if (u.Intent == Intent.Availability && mode == ConversationMode.Booking)
        {
            _state = _state with { Pending = slot, PendingIsOffer = true };
            Ask(Expectation.Confirmation, R.SlotFree(slot, facts.Business, Today));
            return;
        }
        Propose(service, slot);
    }

    /// <summary>The draft's services from the catalog, in order: one, or a visit's several; null while one is missing.</summary>
    private IReadOnlyList<Service>? VisitOf(BookingDraft draft)
    {
        var services = draft.Services.Select(facts.Business.FindService).ToList();
        return services.Count == 0 || services.Contains(null) ? null : [.. services.OfType<Service>()];
    }

    private BookingDraft Merge(BookingDraft draft)
    {
        if (u.Services.Count > 0) draft = draft.WithServices(u.Services);
        if (u.ProfessionalId is not null) draft = draft with { ProfessionalId = u.ProfessionalId, AnyProfessional = false };
        else if (u.AnyProfessional) draft = draft with { ProfessionalId = null, AnyProfessional = true };
        // A new day makes the old time meaningless unless a time comes with it.
        if (u.Date is not null && u.Date != draft.Date) draft = draft with { Date = u.Date, Time = null };
        if (u.Time is not null) draft = draft with { Time = u.Time, TimeRange = null };
        if (u.TimeRange is not null) draft = draft with { TimeRange = u.TimeRange, Time = null };
        return draft;
    }

    private void ListFreeTimes(IReadOnlyList<Service> service, BookingDraft draft, DateOnly date)
    {
        var free = SlotFinder.FreeOn(facts, service, draft, date, draft.TimeRange);
        if (free.Count == 0)
        {
            var why = SlotFinder.FreeOn(facts, service, draft, date).Count > 0
                ? R.NoneInRange
                : R.Unavailable(DayProblem(service, draft, date), date, facts.Business, Today);
            OfferAlternatives(why, service, draft with { TimeRange = null }, date, null);
            return;
        }
        var listed = free.Count <= MaxListedTimes ? free : Spread(free, MaxListedTimes);
        _state = _state with { Offered = listed };
        var with = listed.Select(s => s.ProfessionalId).Distinct().Count() == 1 && listed.All(s => s.Team is null)
            ? facts.Business.FindProfessional(listed[0].ProfessionalId)?.Name
            : null;
        Ask(Expectation.Choice, R.FreeTimes(date, Today, listed, facts.Zone, with));
    }

    /// <summary>Why a whole day has nothing, for the message: closed, too far, or simply full.</summary>
    private UnavailableReason DayProblem(IReadOnlyList<Service> service, BookingDraft draft, DateOnly date)
    {
        if (date > Today.AddDays(Business.Policy.MaximumHorizonDays)) return UnavailableReason.BeyondHorizon;
        var open = SlotFinder.Candidates(facts, service, draft).Any(p => !p.Hours.IsClosed(date.DayOfWeek));
        return open ? UnavailableReason.Booked : UnavailableReason.ClosedDay;
    }

    private void OfferAlternatives(string why, IReadOnlyList<Service> service, BookingDraft draft, DateOnly date, TimeOnly? time, DateTimeOffset? exclude = null)
    {
        var options = SlotFinder.Alternatives(facts, service, draft, date, time, exclude);
        _state = _state with { Offered = options };
        if (options.Count == 0)
        {
            Ask(Expectation.Date, why + R.NoneSoon);
            return;
        }
        Ask(Expectation.Choice, R.Options(why + R.ICanOffer, options, facts.Business, Today));
    }
}
