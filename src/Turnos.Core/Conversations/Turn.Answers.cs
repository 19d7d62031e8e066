namespace Turnos.Core.Conversations;

/// <summary>Questions answered without starting a booking: prices and opening hours.</summary>
internal sealed partial class Turn
{
    private void TellPrices()
    {
        if (u.ServiceId is { } id && facts.Business.FindService(id) is { } service)
        {
            Say(R.PriceOf(service, Business));
            _state = _state with { Mode = ConversationMode.Booking, Draft = _state.Draft with { ServiceId = id } };
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
