namespace Turnos.Core.Conversations;

/// <summary>
/// Which of the listed options: "la 2", "2", "opción 2", "la segunda", "2da", "la última" (-1). Only read when
/// options were offered. "El de las 10" is a time, read before this, not option 10.
/// </summary>
internal static class ChoiceExpressions
{
    private const int MaxOptions = 10;

    public static int? Read(Utterance u)
    {
        for (var i = 0; i < u.Count; i++)
        {
            var ordinals = u.Language == Businesses.Language.En ? EnglishWords.Ordinals : CalendarWords.Ordinals;
            if (u.Word(i) is { } w && ordinals.TryGetValue(w, out var ordinal) && !u.IsWord(i + 1, "vez") && !u.IsWord(i + 1, "time"))
            {
                u.Use(i, 1);
                return ordinal;
            }
            if (u.Integer(i) is not (>= 1 and <= MaxOptions and var n) || u.Word(i) is "un" or "una" || IsDayOfMonth(u, i)) continue;
            if (u.Free(i + 1) is { Glued: true, Kind: TokenKind.Word } suffix)
            {
                if (!CalendarWords.OrdinalSuffixes.ContainsWord(suffix.Text) && !EnglishWords.OrdinalSuffixes.ContainsWord(suffix.Text)) continue;
                u.Use(i, 2);
                return n;
            }
            u.Use(i, 1);
            return n;
        }
        return null;
    }

    // "el martes 9", "9 de marzo": a date, so not option 9.
    private static bool IsDayOfMonth(Utterance u, int i) =>
        u.Tokens.ElementAtOrDefault(i - 1)?.Text is { } before && (CalendarWords.Weekdays.ContainsKey(before) || EnglishWords.Weekdays.ContainsKey(before)
            || EnglishWords.Months.ContainsKey(before))
        || (u.IsWord(i + 1, "de") || u.IsWord(i + 1, "of") ? u.Word(i + 2) : u.Word(i + 1)) is { } month
            && (CalendarWords.Months.ContainsKey(month) || EnglishWords.Months.ContainsKey(month));
}
