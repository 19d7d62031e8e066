namespace Turnos.Core.Conversations;

/// <summary>
/// Days, relative to the business's local today. Conventions:
/// <list type="bullet">
/// <item>"hoy" is today; "mañana" tomorrow; "pasado mañana" the day after.</item>
/// <item>A bare weekday ("el viernes", "el próximo viernes", "el viernes que viene") is its next occurrence after
/// today (1–7 days ahead); "este/esta viernes" is the nearest one on or after today, so said on a Friday it is today.
/// A weekday with one typo ("miercole", "sabdo") is that weekday when the word is nothing else the rules know.</item>
/// <item>"la semana que viene" alone is next Monday; with a weekday, that day of next week (Monday-based).</item>
/// <item>dd/mm, dd-mm and "15 de diciembre" without a year are the next such date, today included (a past one
/// rolls to next year); "el 15" is this month's 15th unless past, else next month's (the first month that has
/// it, for "el 31"). Impossible dates (31/02) are no date.</item>
/// <item>Spans: "en 15 días", "dentro de tres semanas", "en un mes"; "de hoy en ocho" is a week, "de hoy en
/// quince" two (the idiom counts today).</item>
/// <item>Several days: one ruled out ("el lunes no puedo, el martes sí") is not the date. A move naming both
/// ("del lunes al miércoles", "lo del martes para el jueves") gives the source as <c>From</c> and the target as
/// the date.</item>
/// </list>
/// </summary>
internal static partial class DateExpressions
{
    private static readonly Phrases NextWeek = new("semana que viene", "proxima semana", "semana proxima", "otra semana", "semana siguiente", "semana que entra");
    private static readonly Phrases DayOfMonthLead = new("el", "el dia", "dia", "del", "para el", "del dia", "al", "al dia");
    private static readonly HashSet<string> Articles = ["el", "la", "lo", "los", "las", "dia"];
    private static readonly HashSet<string> SourceLeads = ["del", "de"];
    private static readonly HashSet<string> TargetLeads = ["al", "a", "para", "por", "pal"];
    private static readonly Phrases Negations = new("no", "nop", "imposible", "tampoco", "ni modo", "ni ahi", "complicado", "jamas");

    /// <summary>One day the message names, where it was said and how precise the reader is (lower wins).</summary>
    private readonly record struct Mention(DateOnly Date, int At, int End, int Rank);

    public static (DateOnly? Date, DateOnly? From) Read(Utterance u, DateOnly today, Expectation expecting, bool impliesToday)
    {
        // Every reader runs so that all the words about days are used up; then the days are weighed.
        var found = new List<Mention>();
        for (var i = 0; i < u.Count; i++) Add(found, Numeric(u, i, today), i, 1, 0);
        for (var i = 0; i < u.Count; i++) Add(found, DayAndMonth(u, i, today, out var n), i, n, 1);
        Spans(u, today, found, rank: 3);
        Relative(u, today, found, rank: 2);
        Weekdays(u, today, found, rank: 4);
        for (var (at, n) = u.Find(NextWeek); n > 0; (at, n) = u.Find(NextWeek, at + n))
        {
            u.Use(at, n);
            found.Add(new(CalendarMath.NextMonday(today), at, at + n, 5));
        }
        for (var i = 0; i < u.Count; i++)
            if (DayOfMonth(u, i, today, expecting == Expectation.Date, out var at, out var end) is { } d) found.Add(new(d, at, end, 6));
        if (found.Count == 0) return (impliesToday ? today : null, null);
        found.Sort((a, b) => a.At.CompareTo(b.At));

        var live = found.Where(m => !Negated(u, m, found)).ToList();
        if (live.Count == 0) live = found;
        // A move names where from ("del lunes") and maybe where to ("al miércoles"); the target is the day led by
        // al/a/para/por, else any other day said.
        if (IntentWords.IsMove(u) && live.FindIndex(m => Lead(u, m, SourceLeads)) is >= 0 and var s)
        {
            var source = live[s];
            var others = live.Where((_, i) => i != s).ToList();
            var led = others.FindIndex(m => m.At > source.At && Lead(u, m, TargetLeads));
            DateOnly? target = led >= 0 ? others[led].Date : others.Count > 0 ? others.OrderBy(m => m.Rank).First().Date : null;
            return (target, source.Date);
        }
        return (live.OrderBy(m => m.Rank).ThenBy(m => m.At).First().Date, null);
    }

    private static void Add(List<Mention> found, DateOnly? date, int at, int length, int rank)
    {
        if (date is { } d) found.Add(new(d, at, at + length, rank));
    }

    // "el lunes no puedo", "hoy imposible", "no el jueves sino el viernes": ruled out by a negation right before
    // it or in what follows it, up to the next day said (whose own "no el …" belongs to that one).
    private static bool Negated(Utterance u, Mention m, List<Mention> all)
    {
        var before = LeadStart(u, m.At) - 1;
        if (before >= 0 && u.Tokens[before].Text is "no" or "ni") return true;
        var next = all.FirstOrDefault(x => x.At >= m.End);
        var end = next == default ? u.Count : LeadStart(u, next.At);
        if (end > 0 && end - 1 >= m.End && u.Tokens[end - 1].Text == "no") end--;
        for (var k = m.End; k < end; k++)
        {
            if (u.Tokens[k].Text is "si" or "sino" or "mejor") return false;
            if (MatchesAny(u, k, Negations)) return true;
        }
        return false;
    }

    private static bool MatchesAny(Utterance u, int k, Phrases phrases)
    {
        foreach (var p in phrases.Items)
        {
            var ok = k + p.Length <= u.Count;
            for (var j = 0; ok && j < p.Length; j++) ok = u.Tokens[k + j].Text == p[j];
            if (ok) return true;
        }
        return false;
    }

    /// <summary>Where the day's phrase starts once articles before it are counted ("el" in "para el lunes").</summary>
    private static int LeadStart(Utterance u, int at)
    {
        while (at > 0 && Articles.Contains(u.Tokens[at - 1].Text)) at--;
        return at;
    }

    private static bool Lead(Utterance u, Mention m, HashSet<string> leads) =>
        LeadStart(u, m.At) is > 0 and var s && leads.Contains(u.Tokens[s - 1].Text);
}
