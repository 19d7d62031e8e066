namespace Turnos.Core.Conversations;

/// <summary>
/// The intent, from the words left once dates, times, names and the catalog have taken theirs. First match wins:
/// human, reschedule, cancel, (a yes/no when a confirmation was asked, or one to a reminder without booking words or
/// facts), a goodbye, opening hours, availability, price, book (booking words, or any service/day/time/professional),
/// yes/no, thanks, greeting, other. Answering a reminder, a bare "cambiar" is a reschedule.
/// </summary>
internal static class IntentRules
{
    /// <param name="goodbye">A leave-taking ("nos vemos", "chau"), read before the days took their words.</param>
    /// <param name="hasTime">A time or window was said: "¿atienden mañana a las 5?" asks for a slot, not the hours.</param>
    public static Intent Classify(Utterance u, Expectation expecting, bool hasFacts, bool greeted, bool thanked, bool goodbye = false,
        bool hasTime = false, bool hasService = false)
    {
        if (AsksForHuman(u)) return Intent.Human;
        if (IntentWords.IsMove(u) || expecting == Expectation.Reminder && u.Has(IntentWords.MoveVerbs)) return Intent.Reschedule;
        if (u.Has(IntentWords.Cancel)) return Intent.Cancel;
        var answer = YesOrNo(u, expecting);
        if (expecting == Expectation.Confirmation && answer is { } confirmation) return confirmation;
        var booking = u.Has(IntentWords.Book) || u.Has(IntentWords.Slots);
        // "Perfecto, gracias" to a reminder confirms it; "sí, y quiero otro turno el jueves" is a new booking.
        if (expecting == Expectation.Reminder && answer is { } reply && !booking && !hasFacts) return reply;
        // "gracias, nos vemos el viernes": the day is the one already booked, not a new request.
        if (goodbye && !booking && answer != Intent.ConfirmNo) return Intent.Thanks;
        // "¿atienden los domingos?" asks the hours; "¿atienden mañana a las 5?" a slot.
        if (!booking && (u.Has(IntentWords.Hours) || u.Has(IntentWords.HoursWeak) && !hasFacts && !hasService))
            return hasTime && !u.Has(IntentWords.OpenClose) ? Intent.Availability : Intent.Hours;
        if (u.Has(IntentWords.Availability)) return Intent.Availability;
        if (u.Has(IntentWords.Price)) return Intent.Price;
        // Facts answering "¿cuál de tus turnos?" pick an appointment; they are not a new booking.
        if (u.Has(IntentWords.Book) || (hasFacts && expecting != Expectation.WhichAppointment)) return Intent.Book;
        if (answer is { } yesOrNo) return thanked && yesOrNo == Intent.ConfirmYes ? Intent.Thanks : yesOrNo;
        if (thanked) return Intent.Thanks;
        return greeted ? Intent.Greet : Intent.Other;
    }

    // "una persona", but not "un turno para una persona".
    private static bool AsksForHuman(Utterance u)
    {
        for (var (at, n) = u.Find(IntentWords.Human); n > 0; (at, n) = u.Find(IntentWords.Human, at + 1))
            if (!(u.IsWord(at, "una") && u.Tokens.ElementAtOrDefault(at - 1)?.Text == "para")) return true;
        return false;
    }

    private static Intent? YesOrNo(Utterance u, Expectation expecting)
    {
        var weak = expecting is Expectation.Confirmation or Expectation.Choice or Expectation.Reminder;
        var words = Enumerable.Range(0, u.Count).Where(i => u.Word(i) is not null).ToArray();
        if (words.Length == 0) return null;
        var (first, last) = (words[0], words[^1]);
        if (u.IsWord(first, IntentWords.No) && u.Match(first, IntentWords.Yes) == 0) return Intent.ConfirmNo;
        if (u.Match(first, IntentWords.Yes) > 0 || (weak && u.Match(first, IntentWords.WeakYes) > 0)) return Intent.ConfirmYes;
        if (u.Has(IntentWords.NoPhrases) || u.IsWord(last, "no")) return Intent.ConfirmNo;
        if (u.IsWord(last, "si")) return Intent.ConfirmYes;
        // "si" inside a sentence is mostly "if"; every other yes word counts anywhere.
        foreach (var i in words)
            if (u.Word(i) != "si" && (u.Match(i, IntentWords.Yes) > 0 || (weak && u.Match(i, IntentWords.WeakYes) > 0))) return Intent.ConfirmYes;
        return null;
    }
}
