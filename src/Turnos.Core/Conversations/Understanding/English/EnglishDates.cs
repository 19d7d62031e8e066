namespace Turnos.Core.Conversations;

/// <summary>
/// English days, relative to the business's local today:
/// <list type="bullet">
/// <item>"today", "tonight" (today); "tomorrow"; "the day after tomorrow".</item>
/// <item>A weekday ("Friday", "on Friday", "next Friday") is its next occurrence after today (1–7 days ahead);
/// "this Friday" the nearest on or after today; "Friday next week" / "next week on Friday" is next week's
/// (Monday-based); "next week" alone next Monday; "the weekend" Saturday.</item>
/// <item>"Dec 9", "December 9th", "9 December", "the 9th of December" (maybe with a year) are the next such date,
/// today included; "the 9th" is this month's unless past, else next month's.</item>
/// <item>"9/12" and "9/12/2026": month/day or day/month by <see cref="DateOrder"/>; "2026-12-09" is ISO.</item>
/// <item>Spans: "in 3 days", "in two weeks", "in a week", "in a month".</item>
/// <item>A day ruled out by "not" right before it is not the date; a move "from Monday to Wednesday" (or "Monday's
/// appointment to Wednesday") gives the source as <c>From</c> and the target as the date.</item>
/// </list>
/// </summary>
internal static partial class EnglishDates
{
    private readonly record struct Mention(DateOnly Date, int At, int End, int Rank);

    private static readonly HashSet<string> SourceLeads = ["from"];
    private static readonly HashSet<string> TargetLeads = ["to", "for", "until", "till"];
    private static readonly HashSet<string> Skippable = ["on", "the", "this", "next", "of"];

    public static (DateOnly? Date, DateOnly? From) Read(Utterance u, DateOnly today, Expectation expecting, bool impliesToday, bool monthFirst)
    {
        var found = new List<Mention>();
        for (var i = 0; i < u.Count; i++) Add(found, Numeric(u, i, today, monthFirst), i, 1, 0);
        for (var i = 0; i < u.Count; i++) Add(found, MonthAndDay(u, i, today, out var n), i, n, 1);
        for (var i = 0; i < u.Count; i++) Add(found, DayAndMonth(u, i, today, out var n), i, n, 1);
        Spans(u, today, found, rank: 3);
        Relative(u, today, found, rank: 2);
        Weekdays(u, today, found, rank: 4);
        for (var i = 0; i < u.Count; i++)
            if (u.Match(i, ["next", "week"]) == 2 || u.Match(i, ["following", "week"]) == 2)
            {
                u.Use(i, 2);
                found.Add(new(CalendarMath.NextMonday(today), i, i + 2, 5));
            }
        for (var i = 0; i < u.Count; i++)
            if (DayOfMonth(u, i, today, expecting == Expectation.Date, out var at, out var end) is { } d) found.Add(new(d, at, end, 6));
        if (found.Count == 0) return (impliesToday ? today : null, null);
        found.Sort((a, b) => a.At.CompareTo(b.At));

        var live = found.Where(m => !Negated(u, m)).ToList();
        if (live.Count == 0) live = found;
        // A move names where from ("from Friday", "Friday's appointment") and maybe where to ("to Monday").
        if (EnglishIntentWords.IsMove(u) && live.FindIndex(m => Lead(u, m, SourceLeads) || u.Tokens.ElementAtOrDefault(m.End)?.Text == "'s") is >= 0 and var s)
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

    // "not Monday", "not on Monday", "Monday is not good", "Monday doesn't work", "can't do Monday".
    private static bool Negated(Utterance u, Mention m)
    {
        var before = LeadStart(u, m.At) - 1;
        if (before >= 0 && u.Tokens[before].Text is "not" or "except" or "but") return true;
        if (before >= 1 && u.Tokens[before].Text == "do" && u.Tokens[before - 1].Text is "can't" or "cannot") return true;
        for (var k = m.End; k < Math.Min(u.Count, m.End + 3); k++)
        {
            var t = u.Tokens[k].Text;
            // "Friday, not Saturday": that "not" belongs to the next day.
            if (t is "not" or "no" && LeadsAnother(u, k + 1)) return false;
            if (t is "doesn't" or "won't" or "not" or "no" || t == "is" && u.Tokens.ElementAtOrDefault(k + 1)?.Text == "bad") return true;
        }
        return false;
    }

    private static bool LeadsAnother(Utterance u, int k)
    {
        while (k < u.Count && Skippable.Contains(u.Tokens[k].Text)) k++;
        return k < u.Count && u.Tokens[k].Used;
    }

    private static int LeadStart(Utterance u, int at)
    {
        while (at > 0 && Skippable.Contains(u.Tokens[at - 1].Text)) at--;
        return at;
    }

    private static bool Lead(Utterance u, Mention m, HashSet<string> leads) =>
        LeadStart(u, m.At) is > 0 and var s && leads.Contains(u.Tokens[s - 1].Text);
}
