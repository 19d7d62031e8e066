using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>Picking among offered starts and holding one until the customer confirms.</summary>
internal sealed partial class Turn
{
    /// <summary>A pick among the offered starts: by number, or by saying one of their times.</summary>
    private bool PickOffered()
    {
        var offered = _state.Offered;
        OfferedSlot? pick = null;
        if (Pick(offered, u.Choice) is { } chosen) pick = chosen;
        else if (u.Time is { } time && u.Date is null)
            pick = offered.FirstOrDefault(o => ConversationEngine.Local(o.StartUtc, facts.Zone).Time == time);
        if (pick is null) return false;
        if (VisitOf(_state.Draft) is not { } service) return false;
        var (date, at) = ConversationEngine.Local(pick.StartUtc, facts.Zone);
        _state = _state with { Draft = _state.Draft with { Date = date, Time = at } };
        // A visit split across professionals is planned again as a whole: naming its first professional would tie it all to them.
        var check = pick.Team is null ? _state.Draft with { ProfessionalId = pick.ProfessionalId } : _state.Draft;
        var (slot, reason) = SlotFinder.Check(facts, service, check, date, at);
        if (slot is null) OfferAlternatives(R.Unavailable(reason, date, facts.Business, Today), service, _state.Draft, date, at);
        else Propose(service, slot);
        return true;
    }

    /// <summary>A free slot is held in the state; ask what is still missing, then for confirmation.</summary>
    private void Propose(IReadOnlyList<Service> service, OfferedSlot slot)
    {
        _state = _state with { Pending = slot, PendingIsOffer = false, Offered = [] };
        if (_state.Mode == ConversationMode.Rescheduling && _state.Target is { } target)
        {
            Say(R.Summary(R.MoveIntro(R.SlotText(new OfferedSlot(target.ProfessionalId, target.StartUtc), facts.Business, Today)),
                service, slot, facts.Business));
            Ask(Expectation.Confirmation, R.AskConfirm);
        }
        else if (ChatApi && (_state.CustomerName is null || _state.CustomerEmail is null && !_state.WithoutEmail)) AskDetailsToConfirm(slot);
        else if (_state.CustomerName is null) Ask(Expectation.Name, R.AskName);
        else if (_state.CustomerEmail is null && !_state.WithoutEmail) Ask(Expectation.Email, R.AskEmail);
        else if (DetailsConfirm()) Book(slot);
        else
        {
            Say(R.Summary(R.BookIntro, service, slot, facts.Business));
            Ask(Expectation.Confirmation, R.AskConfirm);
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
