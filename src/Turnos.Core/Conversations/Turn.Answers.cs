namespace Turnos.Core.Conversations;

/// <summary>Questions answered without starting a booking: prices and opening hours.</summary>
internal sealed partial class Turn
{
    private void TellPrices()
    {
        if (u.Services.Count > 0 && VisitOf(new BookingDraft().WithServices(u.Services)) is { } visit)
        {
            Say(string.Join("\n", visit.Select(s => R.PriceOf(s, Business))));
            _state = _state with { Mode = ConversationMode.Booking, Draft = _state.Draft.WithServices(u.Services) };
            Ask(Expectation.Date, R.PriceThenAskDate);
            return;
        }
        Say(R.PriceList(facts.Business));
        _state = _state with { Mode = ConversationMode.Booking };
        Ask(Expectation.Service, R.PriceListThenAsk);
    }

    /// <summary>"¿A qué hora cierran los sábados?": the hours (of that day, or the week) and closures coming up; a
    /// booking under way keeps its question.</summary>
    private void TellHours()
    {
        Say(R.Hours(facts.Business, u.Date, Today));
        if (_state.Expecting != Expectation.None) Reask();
        else Offer(R.OfferBooking);
    }
}
