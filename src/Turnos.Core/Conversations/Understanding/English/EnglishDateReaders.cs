namespace Turnos.Core.Conversations;

/// <summary>The readers behind <see cref="EnglishDates"/>: each marks the words it took.</summary>
internal static partial class EnglishDates
{
    // "9/12", "9/12/2026", "9-12", "2026-12-09": month first or day first by the business's zone.
    private static DateOnly? Numeric(Utterance u, int i, DateOnly today, bool monthFirst)
    {
        if (u.Free(i) is not { Kind: TokenKind.Number } t || t.Text.IndexOfAny(['/', '-']) < 0) return null;
        var parts = t.Text.Split('/', '-');
        if (parts.Length is < 2 or > 3) return null;
        var iso = parts is [{ Length: 4 }, _, _];
        if (iso) parts = [parts[1], parts[2], parts[0]];
        if (!int.TryParse(parts[0], out var a) || !int.TryParse(parts[1], out var b) || parts[0].Length > 2 || parts[1].Length > 2) return null;
        int? year = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], out var y) || parts[2].Length is not (2 or 4)) return null;
            year = y < 100 ? 2000 + y : y;
        }
        // ISO is always month then day; otherwise the zone decides, unless the first number can only be a day.
        var (month, day) = iso || monthFirst && a <= 12 ? (a, b) : (b, a);
        u.Use(i, 1);
        return CalendarMath.Make(today, day, month, year);
    }

    // "Dec 9", "December 9th", "Dec. 9, 2026", "december the 9th".
    private static DateOnly? MonthAndDay(Utterance u, int i, DateOnly today, out int length)
    {
        length = 0;
        if (u.Word(i) is not { } m || !EnglishWords.Months.TryGetValue(m, out var month)) return null;
        var k = i + 1;
        if (u.Free(k) is { Kind: TokenKind.Punctuation, Text: "." }) k++;
        if (u.IsWord(k, "the")) k++;
        if (u.Free(k) is not { Kind: TokenKind.Number } || u.Integer(k) is not (>= 1 and <= 31 and var day)) return null;
        k++;
        if (u.Free(k) is { Glued: true, Kind: TokenKind.Word } suffix && EnglishWords.OrdinalSuffixes.ContainsWord(suffix.Text)) k++;
        k = Year(u, k, out var year);
        u.Use(i, k - i);
        length = k - i;
        return CalendarMath.Make(today, day, month, year);
    }

    // "9 December", "9th of December", "the 9th of Dec 2026".
    private static DateOnly? DayAndMonth(Utterance u, int i, DateOnly today, out int length)
    {
        length = 0;
        if (u.Free(i) is not { Kind: TokenKind.Number } || u.Integer(i) is not (>= 1 and <= 31 and var day)) return null;
        var k = i + 1;
        if (u.Free(k) is { Glued: true, Kind: TokenKind.Word } suffix && EnglishWords.OrdinalSuffixes.ContainsWord(suffix.Text)) k++;
        if (u.IsWord(k, "of")) k++;
        if (u.Word(k) is not { } m || !EnglishWords.Months.TryGetValue(m, out var month)) return null;
        k = Year(u, k + 1, out var year);
        var start = i > 0 && u.IsWord(i - 1, "the") ? i - 1 : i;
        u.Use(start, k - start);
        length = k - i;
        return CalendarMath.Make(today, day, month, year);
    }

    private static int Year(Utterance u, int k, out int? year)
    {
        year = null;
        var y = u.Free(k) is { Kind: TokenKind.Punctuation, Text: "," } ? k + 1 : k;
        if (u.Free(y) is { Kind: TokenKind.Number, Text.Length: 4 } && u.Integer(y) is { } yy) { year = yy; return y + 1; }
        return k;
    }

    private static void Relative(Utterance u, DateOnly today, List<Mention> found, int rank)
    {
        for (var i = 0; i < u.Count; i++)
        {
            var after = u.Match(i, ["the", "day", "after", "tomorrow"]) is 4 ? 4 : u.Match(i, ["day", "after", "tomorrow"]);
            var (d, n) = after > 0 ? (today.AddDays(2), after)
                : u.Word(i) is "today" or "tonight" ? (today, 1)
                : u.IsWord(i, "tomorrow") ? (today.AddDays(1), 1)
                : (default, 0);
            if (n == 0) continue;
            if (u.IsWord(i, "tonight")) continue; // a day part: EnglishTimes reads it (and says it is today)
            u.Use(i, n);
            found.Add(new(d, i, i + n, rank));
        }
    }

    // "Friday", "on Friday", "this Friday", "next Friday", "Friday next week", "next week on Friday", "Friday the 12th",
    // "the weekend".
    private static void Weekdays(Utterance u, DateOnly today, List<Mention> found, int rank)
    {
        for (var i = 0; i < u.Count; i++)
        {
            DayOfWeek day;
            var n = 1;
            if (u.Word(i) is { } w && EnglishWords.Weekdays.TryGetValue(w, out var d)) day = d;
            else if (u.IsWord(i, "weekend")) day = DayOfWeek.Saturday;
            else continue;
            var before = u.Tokens.ElementAtOrDefault(i - 1)?.Text;
            u.Use(i, n);
            var k = i + n;
            if (u.IsWord(k, "the")) k++;
            if (u.Free(k) is { Kind: TokenKind.Number } && u.Integer(k) is >= 1 and <= 31 and var dayOfMonth)
            {
                var end = u.Free(k + 1) is { Glued: true, Kind: TokenKind.Word } sfx && EnglishWords.OrdinalSuffixes.ContainsWord(sfx.Text) ? k + 2 : k + 1;
                u.Use(i + n, end - i - n);
                if (CalendarMath.DayOfMonthFrom(today, dayOfMonth) is { } dated) found.Add(new(dated, i, end, rank));
                continue;
            }
            var weekAfter = u.Match(i + n, ["next", "week"]) == 2 ? i + n
                : i >= 3 && u.Match(i - 3, ["next", "week", "on"]) == 3 ? i - 3
                : i >= 2 && u.Match(i - 2, ["next", "week"]) == 2 ? i - 2 : -1;
            if (weekAfter >= 0)
            {
                u.Use(weekAfter, 2);
                found.Add(new(CalendarMath.NextMonday(today).AddDays(((int)day + 6) % 7), i, i + n, rank));
                continue;
            }
            var thisOne = before is "this" or "today" || (before == "the" && day == DayOfWeek.Saturday && u.Tokens.ElementAtOrDefault(i - 2)?.Text == "this");
            var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
            found.Add(new(today.AddDays(ahead == 0 && !thisOne ? 7 : ahead), i, i + n, rank));
        }
    }

    // "the 15th", "on the 15th", "on the 15"; a bare "15" only when the day was asked.
    private static DateOnly? DayOfMonth(Utterance u, int i, DateOnly today, bool bareAllowed, out int at, out int end)
    {
        var lead = u.Match(i, ["on", "the"]) is 2 ? 2 : u.Match(i, ["the"]);
        var j = i + lead;
        (at, end) = (j, j + 1);
        if (u.Free(j) is not { Kind: TokenKind.Number } || u.Integer(j) is not (>= 1 and <= 31 and var day)) return null;
        var suffixed = u.Free(j + 1) is { Glued: true, Kind: TokenKind.Word } next && EnglishWords.OrdinalSuffixes.ContainsWord(next.Text);
        if (u.Free(j + 1) is { Glued: true, Kind: TokenKind.Word } && !suffixed) return null;
        if (!suffixed && (lead == 0 && !bareAllowed || lead == 1)) return null;
        var length = j + (suffixed ? 2 : 1) - i;
        u.Use(i, length);
        end = i + length;
        return CalendarMath.DayOfMonthFrom(today, day);
    }

    // "in 3 days", "in two weeks", "in a week", "in a month", "a week from today".
    private static void Spans(Utterance u, DateOnly today, List<Mention> found, int rank)
    {
        for (var i = 0; i < u.Count; i++)
        {
            if (!u.IsWord(i, "in")) continue;
            var count = u.Word(i + 1) is "a" or "an" ? 1 : u.Integer(i + 1) is >= 1 and <= 90 and var c ? c : 0;
            if (count == 0) continue;
            DateOnly? d = u.Word(i + 2) switch
            {
                "day" or "days" => today.AddDays(count),
                "week" or "weeks" => today.AddDays(7 * count),
                "month" or "months" when count <= 12 => today.AddMonths(count),
                _ => null,
            };
            if (d is null) continue;
            u.Use(i, 3);
            found.Add(new(d.Value, i, i + 3, rank));
        }
    }
}
