namespace Turnos.Core.Conversations;

/// <summary>
/// English times ("at 3", "3pm", "3 p.m.", "15:00", "3 o'clock", "half past 3", "quarter to 4", "noon") and windows
/// ("in the morning" 06–12, "in the afternoon" 13–20, "in the evening" 17–24, "at night" 19–24, "tonight", "this
/// afternoon", "early", "after 5", "before 11", "between 10 and 12", "from 3 to 5pm"). "at 3" is read later against
/// the business's hours, as in Spanish.
/// </summary>
internal static class EnglishTimes
{
    private static readonly Dictionary<string, TimeWindow> DayParts = new()
    {
        ["morning"] = DayWindows.Morning, ["mornings"] = DayWindows.Morning, ["afternoon"] = DayWindows.Afternoon,
        ["afternoons"] = DayWindows.Afternoon, ["evening"] = DayWindows.Evening, ["evenings"] = DayWindows.Evening,
        ["night"] = DayWindows.Night, ["tonight"] = DayWindows.Night, ["lunchtime"] = DayWindows.Lunch,
    };

    private static readonly Phrases AfterWords = new("after", "from", "later than", "not before", "no earlier than", "any time after", "anytime after");
    private static readonly Phrases BeforeWords = new("before", "until", "till", "by", "earlier than", "not after", "no later than");
    private static readonly Phrases EarlyWords = new("early", "first thing", "as early as possible", "early morning", "first thing in the morning");
    private static readonly Phrases Leads = new("at", "around", "about", "for", "say", "like", "approx", "approximately");
    private static readonly HashSet<string> DateWords = ["today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "this", "weekend"];

    public static TimeFacts Read(Utterance u, Expectation expecting)
    {
        var facts = new TimeFacts();
        for (var i = 0; i < u.Count; i++) ReadBetween(u, i, facts);
        for (var i = 0; i < u.Count; i++) ReadBound(u, i, facts);
        for (var i = 0; i < u.Count; i++) ReadClock(u, i, facts);
        for (var i = 0; i < u.Count; i++) ReadDayPart(u, i, facts);
        if (facts.Clock is null && expecting == Expectation.Time) ReadBareHour(u, facts);
        return facts;
    }

    // "between 10 and 12", "from 3 to 5pm", "10-12", "10 to 12".
    private static void ReadBetween(Utterance u, int i, TimeFacts facts)
    {
        if (facts.After is not null) return;
        if (u.Free(i) is { Kind: TokenKind.Number } dash && dash.Text.Split('-') is [var a, var b] && a.Length <= 2 && b.Length <= 2
            && int.TryParse(a, out var x) && int.TryParse(b, out var y) && x <= 23 && y <= 24)
        {
            var pm = u.IsWord(i + 1, "pm");
            var am = u.IsWord(i + 1, "am");
            SpokenClock Clock(int h) => pm && h < 12 ? SpokenClock.Exact(h + 12, 0) : new SpokenClock(h % 24, 0, h is >= 1 and <= 11 && !am);
            (facts.After, facts.Before) = (Clock(x), Clock(y));
            u.Use(i, pm || am ? 2 : 1);
            return;
        }
        var lead = u.Word(i) is "between" or "from" ? 1 : 0;
        var j = i + lead;
        if (!ClockReader.TryRead(u, j, numericMinutes: false, out var from, out var n, out _)) return;
        var k = j + n;
        if (!(u.Word(k) is "and" && lead == 1 || u.Word(k) is "to" or "till" or "until")) return;
        if (!ClockReader.TryRead(u, k + 1, numericMinutes: false, out var to, out var m, out _)) return;
        // "from 3 to 5pm": the afternoon said once covers both ends.
        if (from.Ambiguous && !to.Ambiguous && to.Hour >= 12 && from.Hour + 12 <= to.Hour) from = SpokenClock.Exact(from.Hour + 12, from.Minute);
        (facts.After, facts.Before) = (from, to);
        u.Use(i, k + 1 + m - i);
    }

    // "after 5", "after 5pm", "before 11", "until 3", "no later than 4", "after noon".
    private static void ReadBound(Utterance u, int i, TimeFacts facts)
    {
        var after = u.Match(i, AfterWords);
        var before = after == 0 ? u.Match(i, BeforeWords) : 0;
        if (after + before == 0) return;
        var j = i + after + before;
        if (u.IsWord(j, "the")) return; // "by the way", "from the 9th"
        SpokenClock clock;
        int n;
        if (u.IsWord(j, "noon")) (clock, n) = (SpokenClock.Exact(12, 0), 1);
        else if (!ClockReader.TryRead(u, j, numericMinutes: false, out clock, out n, out _)) return;
        if (after > 0) facts.After ??= clock;
        else facts.Before ??= clock;
        u.Use(i, j + n - i);
    }

    // "at 3", "around 3:30", "3pm", "15:00", "3 o'clock", "half past 3", "quarter to 4", "noon", "midnight".
    private static void ReadClock(Utterance u, int i, TimeFacts facts)
    {
        if (u.Free(i) is null || facts.Clock is not null) return;
        if (u.Word(i) is "noon" or "midnight")
        {
            facts.Clock = SpokenClock.Exact(u.Word(i) == "noon" ? 12 : 0, 0);
            u.Use(i, 1);
            return;
        }
        var lead = u.Match(i, Leads);
        SpokenClock clock;
        int n;
        bool marked;
        if (TryHalfPast(u, i + lead, out clock, out n)) marked = true;
        else if (!ClockReader.TryRead(u, i + lead, numericMinutes: false, out clock, out n, out marked) || !(marked || lead > 0)) return;
        // "for 2 people", "about 5 minutes": after a loose lead an unmarked number must end the phrase (or meet a day).
        if (!marked && u.Word(i) is not ("at" or "around") && u.Word(i + lead + n) is { } next && !DateWords.Contains(next)) return;
        facts.Clock = clock;
        u.Use(i, lead + n);
    }

    private static bool TryHalfPast(Utterance u, int i, out SpokenClock clock, out int length)
    {
        (clock, length) = (default, 0);
        var k = u.IsWord(i, "a") ? i + 1 : i;
        var minutes = u.Match(k, ["half", "past"]) == 2 ? 30 : u.Match(k, ["quarter", "past"]) == 2 ? 15 : u.Match(k, ["quarter", "to"]) == 2 ? -15 : 0;
        if (minutes == 0 || (k > i && minutes == 30)) return false;
        k += 2;
        if (!ClockReader.TryRead(u, k, numericMinutes: false, out var hour, out var n, out _) || hour.Minute != 0) return false;
        var total = (hour.Hour * 60 + minutes + 1440) % 1440;
        clock = new SpokenClock(total / 60, total % 60, hour.Ambiguous);
        length = k + n - i;
        return true;
    }

    private static void ReadDayPart(Utterance u, int i, TimeFacts facts)
    {
        if (u.Match(i, EarlyWords) is > 0 and var early)
        {
            facts.Window ??= DayWindows.Early;
            u.Use(i, early);
            return;
        }
        var lead = u.Match(i, ["in", "the"]) == 2 ? 2 : u.Word(i) is "this" or "at" or "during" or "the" ? 1 : 0;
        if (u.Word(i + lead) is not { } part || !DayParts.TryGetValue(part, out var w)) return;
        var previous = u.Tokens.ElementAtOrDefault(i - 1)?.Text;
        if (lead == 0 && part != "tonight" && !(previous is not null && DateWords.Contains(previous))) return;
        if (u.IsWord(i, "this") || part == "tonight") facts.Today = true;
        facts.Window ??= w;
        u.Use(i, lead + 1);
    }

    // The answer to "what time?" may be just "10".
    private static void ReadBareHour(Utterance u, TimeFacts facts)
    {
        for (var i = 0; i < u.Count; i++)
        {
            if (u.Integer(i) is not (>= 0 and <= 23 and var hour) || u.Free(i + 1) is { Glued: true, Kind: TokenKind.Word }) continue;
            facts.Clock = new SpokenClock(hour, 0, Ambiguous: hour is >= 1 and <= 11 && !u.Tokens[i].Text.StartsWith('0'));
            u.Use(i, 1);
            return;
        }
    }
}
