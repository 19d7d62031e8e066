namespace Turnos.Core.Conversations;

/// <summary>
/// Reads one time of day at a token: "3", "15:30", "15.30", "1530hs", "tres", then "y media", "y cuarto", "y 20",
/// "menos cuarto", then "hs", "am"/"pm", "de la mañana/tarde/noche/madrugada", "del mediodía".
/// </summary>
internal static class ClockReader
{
    private enum Meridiem { None, Am, Morning, Pm, Night, Noon }

    private static readonly (string[] Words, Meridiem Meridiem)[] Suffixes =
    [
        (["hs"], Meridiem.None), (["horas"], Meridiem.None), (["hora"], Meridiem.None), (["am"], Meridiem.Am),
        (["pm"], Meridiem.Pm), (["de", "la", "mañana"], Meridiem.Morning), (["de", "la", "tarde"], Meridiem.Pm),
        (["de", "la", "noche"], Meridiem.Night), (["de", "la", "madrugada"], Meridiem.Am), (["del", "mediodia"], Meridiem.Noon),
        // English: "3 o'clock", "8 in the morning", "4 in the afternoon", "7 in the evening", "9 at night".
        (["o'clock"], Meridiem.None), (["oclock"], Meridiem.None), (["in", "the", "morning"], Meridiem.Morning),
        (["in", "the", "afternoon"], Meridiem.Pm), (["in", "the", "evening"], Meridiem.Night), (["at", "night"], Meridiem.Night),
    ];

    /// <param name="numericMinutes">Whether "10 y 15" is 10:15; not inside "entre las 10 y 12".</param>
    /// <param name="marked">The reading carries a sign of being a time (minutes, "hs", "pm", "de la tarde"), so it
    /// needs no "a las" in front of it.</param>
    public static bool TryRead(Utterance u, int i, bool numericMinutes, out SpokenClock clock, out int length, out bool marked)
    {
        clock = default;
        length = 0;
        marked = false;
        if (u.Free(i) is not { } t) return false;
        int hour, minute;
        bool explicit24, compact;
        if (t.Kind == TokenKind.Number)
        {
            if (!TryDigits(t.Text, out hour, out minute, out explicit24, out marked, out compact)) return false;
        }
        else if (t.Kind == TokenKind.Word && t.Text is not ("un" or "a") && u.NumberWord(t.Text) is >= 1 and <= 12 and var n)
        {
            (hour, minute, explicit24, compact) = (n, 0, false, false);
        }
        else return false;

        var k = i + 1;
        if (!marked && ReadMinutes(u, k, numericMinutes, out var delta, out var used))
        {
            minute = delta;
            k += used;
            marked = true;
        }
        var meridiem = Meridiem.None;
        var suffixed = false;
        for (var round = 0; round < 2; round++)
        {
            var found = false;
            foreach (var (words, m) in Suffixes)
            {
                if (u.Match(k, words) == 0) continue;
                // "en 2 horas" is a duration, not two o'clock.
                if (words[0] is "horas" or "hora" or "hs" && IsDuration(u, i)) return false;
                if (m != Meridiem.None) meridiem = m;
                k += words.Length;
                found = suffixed = marked = true;
                break;
            }
            if (!found) break;
        }
        if (compact && !suffixed) return false;

        var total = hour * 60 + minute;
        if (total < 0 || hour > 24) return false;
        var h = total / 60 % 24;
        var min = total % 60;
        if (!explicit24 && h == 0 && hour is >= 1 and <= 12) h = 12; // "1 menos cuarto" is 12:45
        h = meridiem switch
        {
            Meridiem.Am when h == 12 => 0,
            Meridiem.Pm or Meridiem.Noon when h < 12 => h + 12,
            Meridiem.Night when h == 12 => 0,
            Meridiem.Night when h is >= 5 and < 12 => h + 12,
            _ => h,
        };
        clock = new SpokenClock(h, min, Ambiguous: !explicit24 && meridiem == Meridiem.None && h is >= 1 and <= 11);
        length = k - i;
        return true;
    }

    private static bool IsDuration(Utterance u, int i)
    {
        var before = u.Tokens.ElementAtOrDefault(i - 1)?.Text;
        return before is "en" or "durante" or "cada" or "dura" or "tarda" or "unas" or "por" or "como"
            || (before == "de" && u.Tokens.ElementAtOrDefault(i - 2)?.Text == "dentro");
    }

    private static bool ReadMinutes(Utterance u, int k, bool numericMinutes, out int minute, out int used)
    {
        (minute, used) = (0, 0);
        if (u.IsWord(k, "y") && u.IsWord(k + 1, "media")) (minute, used) = (30, 2);
        else if (u.IsWord(k, "y") && u.IsWord(k + 1, "cuarto")) (minute, used) = (15, 2);
        else if (u.IsWord(k, "menos") && u.IsWord(k + 1, "cuarto")) (minute, used) = (-15, 2);
        else if (u.IsWord(k, "y") && numericMinutes && u.Integer(k + 1) is >= 1 and <= 59 and var m && !u.IsWord(k + 1, "una")) (minute, used) = (m, 2);
        else if (u.IsWord(k, "menos") && u.Integer(k + 1) is >= 1 and <= 30 and var less) (minute, used) = (-less, 2);
        if (used > 0 && u.IsWord(k + used, "en") && u.IsWord(k + used + 1, "punto")) used += 2;
        else if (used == 0 && u.IsWord(k, "en") && u.IsWord(k + 1, "punto")) used = 2;
        return used > 0;
    }

    // "15" (hour), "15:30"/"15.30" (hour and minutes), "1530" (only with "hs" after it). A leading zero ("09:00")
    // or an hour past 12 is a 24-hour reading.
    private static bool TryDigits(string s, out int hour, out int minute, out bool explicit24, out bool hasMinutes, out bool compact)
    {
        (hour, minute, explicit24, hasMinutes, compact) = (0, 0, false, false, false);
        var sep = s.IndexOfAny([':', '.']);
        string h;
        if (sep > 0)
        {
            h = s[..sep];
            var m = s[(sep + 1)..];
            if (h.Length > 2 || m.Length != 2 || !m.All(char.IsAsciiDigit) || !h.All(char.IsAsciiDigit)) return false;
            minute = int.Parse(m);
            hasMinutes = true;
        }
        else if (s.All(char.IsAsciiDigit) && s.Length is 3 or 4)
        {
            h = s[..^2];
            minute = int.Parse(s[^2..]);
            compact = hasMinutes = true;
        }
        else if (s.All(char.IsAsciiDigit) && s.Length <= 2) h = s;
        else return false;
        hour = int.Parse(h);
        if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) return false;
        explicit24 = hour >= 13 || hour == 0 || hour == 24 || (h.Length == 2 && h[0] == '0');
        if (hour == 24) hour = 0;
        return true;
    }
}
