namespace Turnos.Core.Conversations;

/// <summary>The readers behind <see cref="DateExpressions"/>: each marks the words it took.</summary>
internal static partial class DateExpressions
{
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
    private static DateOnly? DayAndMonth(Utterance u, int i, DateOnly today, out int length)
    {
        length = 0;
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
        length = k - i;
        return CalendarMath.Make(today, day.Value, month, year);
    }

    private static void Relative(Utterance u, DateOnly today, List<Mention> found, int rank)
    {
        for (var i = 0; i < u.Count; i++)
        {
            var (d, n) = u.IsWord(i, "pasado") && u.IsWord(i + 1, "mañana") ? (today.AddDays(2), 2)
                : u.IsWord(i, "pasado") && IsBarePasado(u, i) ? (today.AddDays(2), 1)
                : u.IsWord(i, "hoy") ? (today, 1)
                : u.IsWord(i, "mañana") ? (today.AddDays(1), 1)
                : (default, 0);
            if (n == 0) continue;
            u.Use(i, n);
            found.Add(new(d, i, i + n, rank));
        }
    }

    // "el viernes", "este viernes", "el próximo viernes", "el viernes que viene", "el viernes de la semana que
    // viene", "el viernes 20" (the number wins: it is the more precise of the two), "el finde".
    private static void Weekdays(Utterance u, DateOnly today, List<Mention> found, int rank)
    {
        for (var i = 0; i < u.Count; i++)
        {
            DayOfWeek day;
            var n = 1;
            if (u.Word(i) is { } w && (CalendarWords.Weekdays.TryGetValue(w, out var d) || CalendarWords.TryWeekdayTypo(w, out d))) day = d;
            else if (u.Match(i, ["fin", "de", "semana"]) == 3) (day, n) = (DayOfWeek.Saturday, 3);
            else continue;
            var next = false;
            if (u.IsWord(i + n, "que") && u.IsWord(i + n + 1, "viene")) (n, next) = (n + 2, true);
            else if (u.Word(i + n) is "proximo" or "proxima") (n, next) = (n + 1, true);
            next |= u.Tokens.ElementAtOrDefault(i - 1)?.Text is "proximo" or "proxima";
            u.Use(i, n);
            if (u.Integer(i + n) is >= 1 and <= 31 and var dayOfMonth && u.Free(i + n)!.Kind == TokenKind.Number)
            {
                u.Use(i + n, 1);
                if (CalendarMath.DayOfMonthFrom(today, dayOfMonth) is { } dated) found.Add(new(dated, i, i + n + 1, rank));
                continue;
            }
            var (at, length) = u.Find(NextWeek);
            if (length > 0 && at - (i + n) <= 3)
            {
                u.Use(at, length);
                found.Add(new(CalendarMath.NextMonday(today).AddDays(((int)day + 6) % 7), i, i + n, rank));
                continue;
            }
            // "este sábado" / "esta semana el viernes" is this week's: today counts. A bare weekday is never today.
            var thisOne = !next && (u.Tokens.ElementAtOrDefault(i - 1)?.Text is "este" or "esta" || NearThisWeek(u, i));
            var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
            found.Add(new(today.AddDays(ahead == 0 && !thisOne ? 7 : ahead), i, i + n, rank));
        }
    }

    private static bool NearThisWeek(Utterance u, int i)
    {
        for (var k = Math.Max(0, i - 4); k < Math.Min(u.Count - 1, i + 4); k++)
            if (u.Tokens[k].Text == "esta" && u.Tokens[k + 1].Text == "semana") return true;
        return false;
    }

    // "el 15", "el día 15", "del 15", "para el 15", "al 22"; a bare "15" only when the day was asked.
    private static DateOnly? DayOfMonth(Utterance u, int i, DateOnly today, bool bareAllowed, out int at, out int end)
    {
        var lead = u.Match(i, DayOfMonthLead);
        var j = i + lead;
        (at, end) = (j, j + 1);
        if ((lead == 0 && !bareAllowed) || u.Free(j) is not { Kind: TokenKind.Number } || u.Integer(j) is not (>= 1 and <= 31 and var day)) return null;
        if (u.Free(j + 1) is { Glued: true, Kind: TokenKind.Word } next && !CalendarWords.OrdinalSuffixes.ContainsWord(next.Text)) return null;
        u.Use(i, j + 1 - i);
        return CalendarMath.DayOfMonthFrom(today, day);
    }
}
