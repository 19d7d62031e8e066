using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>One turn being decided: the state as it evolves, the replies so far and the effect asked for.</summary>
/// <param name="reminded">The reminder this message may answer (see <see cref="ConversationEngine.AwaitsAnswer"/>).</param>
internal sealed partial class Turn(ConversationState state, Understanding u, TurnFacts facts, IReadOnlyList<string>? earlier = null,
    Reminded? reminded = null)
{
    private readonly List<string> _replies = [.. earlier ?? []];
    private readonly ConversationState _start = state;
    private ConversationState _state = state;
    private TurnEffect? _effect;

    private DateOnly Today => LocalTime.Today(facts.NowUtc, facts.Zone);

    private Business Business => facts.Business.Business;

    /// <summary>What to say, in the conversation's language (the business's own until the customer's is known).</summary>
    private ReplyTexts R => ReplyTexts.For(_state.Language ?? Business.Languages.FirstOrDefault());

    public TurnDecision Run()
    {
        if (!_state.Greeted)
        {
            Say(R.Greeting(Business, _state.CustomerName));
            _state = _state with { Greeted = true };
        }
        _state = _state with { LastAsked = null, HandoffOffered = false };
        AbsorbProfile();
        var photosForPerson = NoteAttachments();
        if (!AnswerReminder()) Route();
        if (photosForPerson > 0)
            _state = _state with { HandoffRequested = true, HandoffRequestedUtc = facts.NowUtc, PhotosForPerson = _state.PhotosForPerson + photosForPerson };
        return Decision();
    }

    private void Route()
    {
        var hasBookingFacts = u.ServiceId is not null || u.Date is not null || u.Time is not null || u.TimeRange is not null
            || u.ProfessionalId is not null;
        switch (u.Intent)
        {
            case Intent.Human:
                HandOff(R.Handoff(Business));
                return;
            case Intent.Thanks when _state.Expecting != Expectation.Confirmation:
                Say(R.Farewell(Business));
                _state = _state.Restart() with { Greeted = true };
                return;
            case Intent.ConfirmYes or Intent.ConfirmNo when _state.Expecting == Expectation.Confirmation || _start.HandoffOffered:
                Confirm(u.Intent == Intent.ConfirmYes);
                return;
            case Intent.Cancel:
                StartManaging(ConversationMode.Cancelling);
                return;
            case Intent.Reschedule:
                StartManaging(ConversationMode.Rescheduling);
                return;
            case Intent.Hours:
                TellHours();
                return;
        }
        if (_state.Expecting == Expectation.WhichAppointment && PickAppointment()) return;
        if (_state.Expecting == Expectation.Choice && PickOffered()) return;
        if (!hasBookingFacts && _state.Expecting == Expectation.Name && u.Name is null)
        {
            Ask(Expectation.Name, u.NameProblem is { } nameProblem ? R.NameProblem(nameProblem) : R.AskName);
            return;
        }
        if (!hasBookingFacts && _state.Expecting == Expectation.Email && u.Email is null)
        {
            Ask(Expectation.Email, u.EmailProblem is { } emailProblem ? R.EmailProblem(emailProblem) : R.AskEmail);
            return;
        }
        if (u.Intent == Intent.Price && !hasBookingFacts || u.Intent == Intent.Price && u.ServiceId is not null && u.Date is null)
        {
            TellPrices();
            return;
        }
        // "Soy Ana, ana@mail.com" as a first message: keep it and ask what to book.
        var onlyProfile = (u.Name ?? u.Email) is not null && !hasBookingFacts && u.Intent is Intent.Other or Intent.Greet;
        if (onlyProfile && _state.Mode == ConversationMode.None)
        {
            Say(R.ProfileNoted(_state.CustomerName));
            AdvanceBooking();
            return;
        }
        // A plain "sí" after "¿Quieres reservar un turno?" (hours, prices, the menu) starts a booking.
        if (u.Intent is Intent.Book or Intent.Availability || hasBookingFacts || u.Intent == Intent.ConfirmYes && _state.Mode == ConversationMode.None
            || _state.Mode is ConversationMode.Booking or ConversationMode.Rescheduling)
        {
            AdvanceBooking();
            return;
        }
        if (u.Intent == Intent.Greet && _state.Expecting == Expectation.None)
        {
            Ask(Expectation.None, R.Menu);
            return;
        }
        // A photo or a voice note with nothing else readable was answered already: no "I didn't understand".
        if (u.Attachments is null) Say(R.Unknown(Business));
        Reask();
    }

    /// <summary>A valid name or email is kept whenever it comes; a problem is explained only when it was asked for.</summary>
    private void AbsorbProfile()
    {
        if (u.Name is not null && (_state.Expecting == Expectation.Name || _state.CustomerName is null))
            _state = _state with { CustomerName = u.Name };
        if (u.Email is not null) _state = _state with { CustomerEmail = u.Email };
    }

    private TurnDecision Decision() => new(_state, _replies, _effect);

    private void Say(string text) => _replies.Add(text);

    private void HandOff(string text)
    {
        Say(text);
        _state = _state with { HandoffRequested = true, HandoffRequestedUtc = facts.NowUtc, Expecting = Expectation.None, Repeats = 0 };
        _effect = new TurnEffect.FlagForHuman();
    }
}
