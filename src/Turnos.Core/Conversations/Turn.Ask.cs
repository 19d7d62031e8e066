namespace Turnos.Core.Conversations;

/// <summary>
/// Asking, without ever looping: a question asked again with nothing moved (same draft, offer and pending slot)
/// says why the answer did not work and gives an example; the third time the assistant stops insisting.
/// </summary>
internal sealed partial class Turn
{
    private void Ask(Expectation expectation, string question)
    {
        // A photo or a voice note is no failed answer: the question is asked plainly again and the count stays.
        var attached = u.Attachments is not null;
        var repeats = !SameQuestion(expectation) ? 0 : attached ? _start.Repeats : _start.Repeats + 1;
        if (repeats >= 2)
        {
            StopInsisting(expectation);
            return;
        }
        _state = _state with { Expecting = expectation, Repeats = Math.Min(repeats, 1), LastAsked = expectation };
        Say(repeats == 0 || attached ? question : R.Again(expectation, question, facts.Business, u, _state.Offered));
    }

    /// <summary>A question that follows an answer ("¿Te ayudo a reservar un turno?"): asked once, not after every answer
    /// in a row, and never an error to repeat with an example.</summary>
    private void Offer(string question, string? answer = null)
    {
        if (_start.LastAsked == Expectation.None)
        {
            if (answer is not null) Say(answer);
            return;
        }
        _state = _state with { Expecting = Expectation.None, Repeats = 0, LastAsked = Expectation.None };
        Say(answer is null ? question : $"{answer} {question}");
    }

    /// <summary>Asks again whatever was pending, so an unclear message never loses the thread.</summary>
    private void Reask()
    {
        switch (_state.Expecting)
        {
            case Expectation.Service: Ask(Expectation.Service, R.AskService(facts.Business)); break;
            case Expectation.Date or Expectation.Time: Ask(_state.Expecting, R.AskDate); break;
            case Expectation.Name: Ask(Expectation.Name, R.AskName); break;
            case Expectation.Email: Ask(Expectation.Email, R.AskEmail); break;
            case Expectation.Confirmation: Ask(Expectation.Confirmation, R.AskConfirm); break;
            case Expectation.WhichAppointment: Ask(Expectation.WhichAppointment, R.AskWhich); break;
            case Expectation.Choice when _state.Offered.Count > 0:
                Ask(Expectation.Choice, R.Options(R.OptionsIntro, _state.Offered, facts.Business, Today));
                break;
            default: Ask(Expectation.None, R.Menu); break;
        }
    }

    private bool SameQuestion(Expectation expectation) =>
        _start.LastAsked == expectation && _start.Mode == _state.Mode && _start.Draft == _state.Draft && _start.Pending == _state.Pending
        && _start.Target == _state.Target && _start.Offered.SequenceEqual(_state.Offered) && _start.HandoffOffered == _state.HandoffOffered;

    /// <summary>The third time: take what can be taken, offer a way forward, or offer a person (the question stays
    /// open, so an answer that works still goes on).</summary>
    private void StopInsisting(Expectation expectation)
    {
        _state = _state with { Repeats = 0 };
        switch (expectation)
        {
            case Expectation.Name when u.PlausibleName is { } name && _state.Pending is { } slot:
                _state = _state with { CustomerName = name };
                Say(R.NameTaken(name));
                Propose(VisitOf(_state.Draft)!, slot);
                return;
            case Expectation.Email when Business.Policy.AllowBookingWithoutEmail && _state.Pending is { } slot:
                _state = _state with { WithoutEmail = true };
                Say(R.GoOnWithoutEmail);
                Propose(VisitOf(_state.Draft)!, slot);
                return;
            case Expectation.Date or Expectation.Time or Expectation.Choice when NearestChoices() is { Count: > 0 } nearest:
                _state = _state with { Offered = nearest, Expecting = Expectation.Choice, LastAsked = Expectation.Choice };
                Say(R.Options(R.NearestIntro, nearest, facts.Business, Today));
                return;
            default:
                _state = _state with { HandoffOffered = true, Expecting = expectation, LastAsked = expectation };
                Say(R.OfferHandoff(Business, R.Reason(expectation, u)));
                return;
        }
    }

    /// <summary>The three soonest free starts from now for the service asked, unless exactly those are already on offer.</summary>
    private List<OfferedSlot>? NearestChoices()
    {
        if (VisitOf(_state.Draft) is not { } service) return null;
        var draft = _state.Draft with { Date = null, Time = null, TimeRange = null };
        var nearest = new List<OfferedSlot>();
        for (var day = Today; nearest.Count < SlotFinder.AlternativeCount && day <= facts.BusyUntil; day = day.AddDays(1))
            nearest.AddRange(SlotFinder.FreeOn(facts, service, draft, day).Take(SlotFinder.AlternativeCount - nearest.Count));
        return nearest.SequenceEqual(_start.Offered) ? null : nearest;
    }
}
