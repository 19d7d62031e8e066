namespace Turnos.Core.Conversations;

/// <summary>Times ("a las 3", "15:30", "9 y media") and windows ("a la tarde", "después de las 5", "entre las 10 y las 12").</summary>
internal static class TimeExpressions
{
    private static readonly Dictionary<string, TimeWindow> DayParts = new()
    {
        ["mañana"] = DayWindows.Morning, ["mañanas"] = DayWindows.Morning, ["tarde"] = DayWindows.Afternoon, ["tardes"] = DayWindows.Afternoon,
        ["noche"] = DayWindows.Night, ["noches"] = DayWindows.Night, ["madrugada"] = DayWindows.Dawn,
    };

    private static readonly Phrases AfterWords = new("despues de", "despues", "desde", "a partir de", "pasadas", "mas tarde de");
    private static readonly Phrases BeforeWords = new("antes de", "antes", "hasta", "no mas tarde de", "no despues de");
    private static readonly Phrases EarlyWords = new("temprano", "a primera hora", "bien temprano", "lo antes posible");
    private static readonly Phrases DateWords = new("hoy", "mañana", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo");

    public static TimeFacts Read(Utterance u, Expectation expecting)
    {
        var facts = new TimeFacts();
        for (var i = 0; i < u.Count; i++) ReadBetween(u, i, facts);
        for (var i = 0; i < u.Count; i++) ReadDashRange(u, i, facts);
        for (var i = 0; i < u.Count; i++) ReadBound(u, i, facts);
        for (var i = 0; i < u.Count; i++) ReadClock(u, i, facts);
        for (var i = 0; i < u.Count; i++) ReadDayPart(u, i, facts);
        if (facts.Clock is null && expecting == Expectation.Time) ReadBareHour(u, facts);
        return facts;
    }

    // "entre las 10 y las 12", "de 3 a 5 de la tarde", "desde las 9 hasta las 11", "de 10-12hs".
    private static void ReadBetween(Utterance u, int i, TimeFacts facts)
    {
        if (facts.After is not null || u.Word(i) is not ("entre" or "de" or "desde")) return;
        var j = SkipArticle(u, i + 1);
        if (!ClockReader.TryRead(u, j, numericMinutes: false, out var from, out var n, out _)) return;
        var k = j + n;
        if (!(u.Word(k) is "y" or "a" or "hasta")) return;
        k = SkipArticle(u, k + 1);
        if (!ClockReader.TryRead(u, k, numericMinutes: false, out var to, out var m, out _)) return;
        // "de 3 a 5 de la tarde": the afternoon said once covers both ends.
        if (from.Ambiguous && !to.Ambiguous && to.Hour >= 12 && from.Hour + 12 <= to.Hour) from = SpokenClock.Exact(from.Hour + 12, from.Minute);
        (facts.After, facts.Before) = (from, to);
        u.Use(i, k + m - i);
    }

    // "de 10-12", "entre 10-12", "10-12hs": a dash between two hours is a window, not the 10th of December.
    private static void ReadDashRange(Utterance u, int i, TimeFacts facts)
    {
        if (facts.After is not null || u.Free(i) is not { Kind: TokenKind.Number } t || t.Text.Split('-') is not [var a, var b]) return;
        var framed = u.Tokens.ElementAtOrDefault(i - 1)?.Text is "de" or "entre" or "las" or "desde"
            || u.Free(i + 1) is { Kind: TokenKind.Word, Text: "hs" or "am" or "pm" };
        if (!framed || !int.TryParse(a, out var from) || !int.TryParse(b, out var to) || from > 23 || to > 24 || a.Length > 2 || b.Length > 2) return;
        var suffix = u.Free(i + 1)?.Text;
        var pm = suffix == "pm";
        SpokenClock Clock(int h, string written) =>
            pm && h < 12 ? SpokenClock.Exact(h + 12, 0) : new SpokenClock(h % 24, 0, h is >= 1 and <= 11 && written[0] != '0' && suffix != "am");
        (facts.After, facts.Before) = (Clock(from, a), Clock(to, b));
        u.Use(i, suffix is "hs" or "am" or "pm" ? 2 : 1);
    }

    // "después de las 5", "a partir de las 17", "antes de las 11", "hasta las 3", "después del mediodía".
    private static void ReadBound(Utterance u, int i, TimeFacts facts)
    {
        var after = u.Match(i, AfterWords);
        var before = after == 0 ? u.Match(i, BeforeWords) : 0;
        if (after + before == 0) return;
        var j = i + after + before;
        SpokenClock clock;
        int n;
        if (u.IsWord(j, "del") && u.IsWord(j + 1, "mediodia")) (clock, n) = (SpokenClock.Exact(12, 0), 2);
        else
        {
            var k = SkipArticle(u, j);
            if (!ClockReader.TryRead(u, k, numericMinutes: true, out clock, out n, out var marked)) return;
            if (k == j && !marked) return; // "hasta 3 personas" is not a time
            n += k - j;
        }
        if (after > 0) facts.After ??= clock;
        else facts.Before ??= clock;
        u.Use(i, j + n - i);
    }

    // "a las 3", "las 15:30", "a la una", "tipo 5", "3pm", "15hs", "9 y media", "3 de la tarde", "mañana 10", "mediodía".
    private static void ReadClock(Utterance u, int i, TimeFacts facts)
    {
        if (u.Free(i) is null) return;
        SpokenClock clock;
        int start = i, n;
        if (u.IsWord(i, "mediodia") || u.IsWord(i, "medianoche"))
        {
            (clock, n) = (SpokenClock.Exact(u.Word(i) == "mediodia" ? 12 : 0, 0), 1);
        }
        else if (u.IsWord(i, "medio") && u.IsWord(i + 1, "dia")) (clock, n) = (SpokenClock.Exact(12, 0), 2);
        else if (u.Word(i) is "las" or "tipo" || (u.IsWord(i, "la") && u.Tokens.ElementAtOrDefault(i - 1)?.Text is "a" or "de"))
        {
            var j = i + 1;
            if (u.IsWord(i, "tipo")) j = SkipArticle(u, u.IsWord(j, "a") ? j + 1 : j);
            if (!ClockReader.TryRead(u, j, numericMinutes: true, out clock, out n, out _)) return;
            if (u.IsWord(i, "la") && clock.Hour % 12 != 1) return; // "la 2" is an option, "a la una" a time
            n += j - i;
        }
        else
        {
            if (!ClockReader.TryRead(u, i, numericMinutes: true, out clock, out n, out var marked)) return;
            var afterDateWord = u.Tokens.ElementAtOrDefault(i - 1) is { Kind: TokenKind.Word, Used: false } prev
                && prev.Text is "hoy" or "mañana" && u.Tokens[i].Kind == TokenKind.Number;
            if (!marked && !afterDateWord) return;
        }
        facts.Clock ??= clock;
        u.Use(start, n);
    }

    private static void ReadDayPart(Utterance u, int i, TimeFacts facts)
    {
        if (u.Match(i, EarlyWords) is > 0 and var early)
        {
            facts.Window ??= DayWindows.Early;
            u.Use(i, early);
        }
        else if (u.Word(i) is "la" or "las" or "esta" && u.Word(i + 1) is { } part && DayParts.TryGetValue(part, out var w))
        {
            if (u.IsWord(i, "esta")) facts.Today = true;
            facts.Window ??= w;
            u.Use(i, 2);
        }
        else if (u.Word(i) is "tarde" or "noche" && (u.IsWord(i - 1, "de") || u.Tokens.ElementAtOrDefault(i - 1) is { } prev && DateWords.ContainsWord(prev.Text)))
        {
            facts.Window ??= DayParts[u.Word(i)!];
            u.Use(i, 1);
        }
    }

    // The answer to "¿a qué hora?" may be just "10".
    private static void ReadBareHour(Utterance u, TimeFacts facts)
    {
        for (var i = 0; i < u.Count; i++)
        {
            if (u.Integer(i) is not (>= 0 and <= 23) || u.Free(i + 1) is { Glued: true, Kind: TokenKind.Word }) continue;
            if (u.Word(i) is "un" or "una") continue;
            var hour = u.Integer(i)!.Value;
            facts.Clock = new SpokenClock(hour, 0, Ambiguous: hour is >= 1 and <= 11 && !u.Tokens[i].Text.StartsWith('0'));
            u.Use(i, 1);
            return;
        }
    }

    private static int SkipArticle(Utterance u, int i) => u.Word(i) is "las" or "la" ? i + 1 : i;
}
