using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// The source system's gateway (<see cref="Channel.ChatApi"/>) talked about meetings, not services, and booked as soon as
/// the customer gave the name and email it asked for "to confirm". Its businesses keep that: a booking that names no
/// service is the business's chat service (<see cref="Business.ChatServiceId"/>), and the details asked for a free time
/// book it, with no "¿Confirmo?" after them. A customer whose details are known still confirms, as on WhatsApp.
/// </summary>
internal sealed partial class Turn
{
    private bool ChatApi => facts.Channel == Channel.ChatApi;

    /// <summary>The draft with the chat service when the customer has named none yet.</summary>
    private BookingDraft WithChatService(BookingDraft draft, ConversationMode mode) =>
        ChatApi && mode == ConversationMode.Booking && draft.Services.Count == 0 && Business.ChatServiceId is { } id
            && facts.Business.FindService(id) is not null
            ? draft.WithServices([id])
            : draft;

    /// <summary>Says the time is free and asks for what is missing of name and email, together.</summary>
    private void AskDetailsToConfirm(OfferedSlot slot)
    {
        var name = _state.CustomerName is null;
        var email = _state.CustomerEmail is null && !_state.WithoutEmail;
        // Once asked, a missing piece is asked plainly (and counted), so it is never asked forever.
        if (_start.Expecting is Expectation.Name or Expectation.Email) Ask(name ? Expectation.Name : Expectation.Email, name ? R.AskName : R.AskEmail);
        else Ask(name ? Expectation.Name : Expectation.Email, R.FreeGiveDetails(slot, facts.Business, Today, name, email));
    }

    /// <summary>The details just given, after being asked for them to confirm this time: book it.</summary>
    private bool DetailsConfirm() => ChatApi && _start.Expecting is Expectation.Name or Expectation.Email;
}
