namespace Turnos.Core.Conversations;

/// <summary>
/// Days, relative to the business's local today. Conventions:
/// <list type="bullet">
/// <item>"hoy" is today; "mañana" tomorrow; "pasado mañana" the day after.</item>
/// <item>A weekday, bare or with el/este/próximo/que viene, is its next occurrence after today (1–7 days ahead):
/// today is only ever "hoy", so "el viernes" said on a Friday is next week's.</item>
/// <item>"la semana que viene" alone is next Monday; with a weekday, that day of next week (Monday-based).</item>
/// <item>dd/mm, dd-mm and "15 de diciembre" without a year are the next such date, today included (a past one
/// rolls to next year); "el 15" is this month's 15th unless past, else next month's (the first month that has
/// it, for "el 31"). Impossible dates (31/02) are no date.</item>
/// </list>
/// </summary>
internal static class DateExpressions
{
    private static readonly Phrases NextWeek = new("semana que viene", "proxima semana", "semana proxima", "otra semana", "semana siguiente");
    private static readonly Phrases DayOfMonthLead = new("el", "el dia", "dia", "del", "para el", "del dia");

    public static DateOnly? Read(Utterance u, DateOnly today, Expectation expecting, bool impliesToday)
    {
        // Every reader runs so that all the words about days are used up; the most precise one wins.
        DateOnly? numeric = null, named = null;
        for (var i = 0; i < u.Count; i++)
        {
            var d = Numeric(u, i, today);
            numeric ??= d;
        }
        for (var i = 0; i < u.Count; i++)
        {
            var d = DayAndMonth(u, i, today);
            named ??= d;
        }
        var relative = Relative(u, today);
        var inDays = InDays(u, today);
        var weekday = Weekday(u, today);
        DateOnly? nextWeek = null;
        if (u.Find(NextWeek) is { Length: > 0 } week)
        {
            u.Use(week.At, week.Length);
            nextWeek = CalendarMath.NextMonday(today);
        }
        DateOnly? dayOfMonth = null;
        for (var i = 0; i < u.Count && dayOfMonth is null; i++) dayOfMonth = DayOfMonth(u, i, today, expecting == Expectation.Date);
        return numeric ?? named ?? relative ?? inDays ?? weekday ?? nextWeek ?? dayOfMonth ?? (impliesToday ? today : null);
    }

    // "18/11", "18-11", "18/11/2026", "18/11/26", "18.11.2026".
    private static DateOnly? Numeric(Utterance u, int i, DateOnly today)
    {
        if (u.Free(i) is not { Kind: TokenKind.Number } t || t.Text.IndexOfAny(['/', '-', '.']) < 0) return null;
        var parts = t.Text.Split('/', '-', '.');
        if (parts.Length is < 2 or > 3 || (parts.Length == 2 && t.Text.Contains('.'))) return null;
        if (parts is [{ Length: 4 }, _, _]) parts = [parts[2], parts[1], parts[0]]; // 2026-11-18
        if (!int.TryParse(parts[0], out var day) || !int.TryParse(parts[1], out var month) || parts[0].Length > 2 || parts[1].Length > 2) return null;
        int? year = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], out var y) || parts[2].Length is not (2 or 4)) return null;
            year = y < 100 ? 2000 + y : y;
        }
        u.Use(i, 1);
        return CalendarMath.Make(today, day, month, year);
    }

    // "15 de diciembre", "15 diciembre", "1ro de marzo", "primero de mayo", "15 de dic de 2026".
    private static DateOnly? DayAndMonth(Utterance u, int i, DateOnly today)
    {
        int? day = u.Integer(i) is >= 1 and <= 31 and var n && u.Free(i)!.Kind == TokenKind.Number ? n
            : u.IsWord(i, "primero") ? 1 : null;
        if (day is null) return null;
        var k = i + 1;
        if (u.Free(k) is { Glued: true, Kind: TokenKind.Word } suffix && CalendarWords.OrdinalSuffixes.ContainsWord(suffix.Text)) k++;
        if (u.IsWord(k, "de")) k++;
        var month = u.Word(k) is { } m ? CalendarWords.Months.GetValueOrDefault(m, 0) : 0;
        if (month == 0 && k > i + 1 && u.Word(k) is { } abbr) month = CalendarWords.MonthAbbreviations.GetValueOrDefault(abbr, 0);
        if (month == 0) return null;
        k++;
        int? year = null;
        var y = u.Word(k) is "de" or "del" ? k + 1 : k;
        if (u.Free(y) is { Kind: TokenKind.Number, Text.Length: 4 } && u.Integer(y) is { } yy) { year = yy; k = y + 1; }
        u.Use(i, k - i);
        return CalendarMath.Make(today, day.Value, month, year);
    }

    private static DateOnly? Relative(Utterance u, DateOnly today)
    {
        DateOnly? found = null;
        for (var i = 0; i < u.Count; i++)
        {
            DateOnly? d = null;
            if (u.IsWord(i, "pasado") && u.IsWord(i + 1, "mañana")) { d = today.AddDays(2); u.Use(i, 2); }
            else if (u.IsWord(i, "hoy")) { d = today; u.Use(i, 1); }
            else if (u.IsWord(i, "mañana")) { d = today.AddDays(1); u.Use(i, 1); }
            found ??= d;
        }
        return found;
    }

    // "en 3 días", "dentro de 3 días", "en una semana", "en dos semanas".
    private static DateOnly? InDays(Utterance u, DateOnly today)
    {
        for (var i = 0; i < u.Count; i++)
        {
            var j = u.IsWord(i, "en") ? i + 1 : u.IsWord(i, "dentro") && u.IsWord(i + 1, "de") ? i + 2 : -1;
            if (j < 0 || u.Integer(j) is not (>= 1 and <= 90) || u.Word(j + 1) is not ("dia" or "dias" or "semana" or "semanas")) continue;
            var n = u.Integer(j)!.Value * (u.Word(j + 1)!.StartsWith("semana") ? 7 : 1);
            u.Use(i, j + 2 - i);
            return today.AddDays(n);
        }
        return null;
    }

    // "el viernes", "este viernes", "el próximo viernes", "el viernes que viene", "el viernes de la semana que
    // viene", "el viernes 20" (the number wins: it is the more precise of the two), "el finde".
    private static DateOnly? Weekday(Utterance u, DateOnly today)
    {
        for (var i = 0; i < u.Count; i++)
        {
            DayOfWeek day;
            var n = 1;
            if (u.Word(i) is { } w && CalendarWords.Weekdays.TryGetValue(w, out var d)) day = d;
            else if (u.Match(i, ["fin", "de", "semana"]) == 3) (day, n) = (DayOfWeek.Saturday, 3);
            else continue;
            if (u.IsWord(i + n, "que") && u.IsWord(i + n + 1, "viene")) n += 2;
            else if (u.Word(i + n) is "proximo" or "proxima") n++;
            u.Use(i, n);
            if (u.Integer(i + n) is >= 1 and <= 31 and var dayOfMonth && u.Free(i + n)!.Kind == TokenKind.Number)
            {
                u.Use(i + n, 1);
                return CalendarMath.DayOfMonthFrom(today, dayOfMonth);
            }
            var (at, length) = u.Find(NextWeek);
            if (length > 0 && at - (i + n) <= 3)
            {
                u.Use(at, length);
                return CalendarMath.NextMonday(today).AddDays(((int)day + 6) % 7);
            }
            var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
            return today.AddDays(ahead == 0 ? 7 : ahead);
        }
        return null;
    }

    // "el 15", "el día 15", "del 15", "para el 15"; a bare "15" only when the day was asked.
    private static DateOnly? DayOfMonth(Utterance u, int i, DateOnly today, bool bareAllowed)
    {
        var lead = u.Match(i, DayOfMonthLead);
        var j = i + lead;
        if ((lead == 0 && !bareAllowed) || u.Free(j) is not { Kind: TokenKind.Number } || u.Integer(j) is not (>= 1 and <= 31 and var day)) return null;
        if (u.Free(j + 1) is { Glued: true, Kind: TokenKind.Word } next && !CalendarWords.OrdinalSuffixes.ContainsWord(next.Text)) return null;
        u.Use(i, j + 1 - i);
        return CalendarMath.DayOfMonthFrom(today, day);
    }
}
