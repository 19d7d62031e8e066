namespace Turnos.Core.Conversations;

/// <summary>
/// The intent of an English message, from the words left once dates, times, names and the catalog have taken theirs.
/// Same order as <see cref="IntentRules"/>: human, reschedule, cancel, (a yes/no when a confirmation was asked, or one
/// to a reminder without booking words or facts), a goodbye, opening hours, availability, price, book (booking words, or
/// any service/day/time/professional), yes/no, thanks, greeting, other. Answering a reminder, a bare "change" is a
/// reschedule.
/// </summary>
internal static class EnglishIntentRules
{
    public static Intent Classify(Utterance u, Expectation expecting, bool hasFacts, bool greeted, bool thanked, bool goodbye,
        bool hasTime)
    {
        if (AsksForHuman(u)) return Intent.Human;
        if (EnglishIntentWords.IsMove(u) || expecting == Expectation.Reminder && u.Has(EnglishIntentWords.MoveVerbs)) return Intent.Reschedule;
        if (u.Has(EnglishIntentWords.Cancel)) return Intent.Cancel;
        var answer = YesOrNo(u, expecting);
        if (expecting == Expectation.Confirmation && answer is { } confirmation) return confirmation;
        var booking = u.Has(EnglishIntentWords.Book) || u.Has(EnglishIntentWords.Slots);
        if (expecting == Expectation.Reminder && answer is { } reply && !booking && !hasFacts) return reply;
        if (goodbye && !booking && answer != Intent.ConfirmNo) return Intent.Thanks;
        // "are you open on Sunday?" asks the hours; "any openings on Sunday?" a slot.
        if (!booking && u.Has(EnglishIntentWords.Hours))
            return hasTime && !u.Has(EnglishIntentWords.OpenClose) ? Intent.Availability : Intent.Hours;
        if (u.Has(EnglishIntentWords.Availability)) return Intent.Availability;
        if (u.Has(EnglishIntentWords.Price)) return Intent.Price;
        if (u.Has(EnglishIntentWords.Book) || (hasFacts && expecting != Expectation.WhichAppointment)) return Intent.Book;
        if (answer is { } yesOrNo) return thanked && yesOrNo == Intent.ConfirmYes ? Intent.Thanks : yesOrNo;
        if (thanked) return Intent.Thanks;
        return greeted ? Intent.Greet : Intent.Other;
    }

    // "a person", but not "a haircut for a person".
    private static bool AsksForHuman(Utterance u)
    {
        for (var (at, n) = u.Find(EnglishIntentWords.Human); n > 0; (at, n) = u.Find(EnglishIntentWords.Human, at + 1))
            if (!(u.IsWord(at, "a") && u.Tokens.ElementAtOrDefault(at - 1)?.Text == "for")) return true;
        return false;
    }

    private static Intent? YesOrNo(Utterance u, Expectation expecting)
    {
        var weak = expecting is Expectation.Confirmation or Expectation.Choice or Expectation.Reminder;
        var words = Enumerable.Range(0, u.Count).Where(i => u.Word(i) is not null).ToArray();
        if (words.Length == 0) return null;
        var first = words[0];
        if (u.Match(first, EnglishIntentWords.NoPhrases) > 0) return Intent.ConfirmNo;
        if (u.IsWord(first, EnglishIntentWords.No) && u.Match(first, EnglishIntentWords.Yes) == 0) return Intent.ConfirmNo;
        if (u.Match(first, EnglishIntentWords.Yes) > 0 || (weak && u.Match(first, EnglishIntentWords.WeakYes) > 0)) return Intent.ConfirmYes;
        if (u.Has(EnglishIntentWords.NoPhrases)) return Intent.ConfirmNo;
        foreach (var i in words)
            if (u.Match(i, EnglishIntentWords.Yes) > 0 && u.Word(i) is not ("right" or "good" or "fine" or "great")
                || (weak && u.Match(i, EnglishIntentWords.WeakYes) > 0)) return Intent.ConfirmYes;
        return null;
    }
}
