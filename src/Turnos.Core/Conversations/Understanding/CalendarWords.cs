namespace Turnos.Core.Conversations;

/// <summary>Days, months and numbers as customers write them (folded).</summary>
internal static class CalendarWords
{
    public static readonly IReadOnlyDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["lunes"] = DayOfWeek.Monday, ["martes"] = DayOfWeek.Tuesday, ["miercoles"] = DayOfWeek.Wednesday,
        ["jueves"] = DayOfWeek.Thursday, ["viernes"] = DayOfWeek.Friday, ["sabado"] = DayOfWeek.Saturday,
        ["sabados"] = DayOfWeek.Saturday, ["domingo"] = DayOfWeek.Sunday, ["domingos"] = DayOfWeek.Sunday,
    };

    public static readonly IReadOnlyDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["enero"] = 1, ["febrero"] = 2, ["marzo"] = 3, ["abril"] = 4, ["mayo"] = 5, ["junio"] = 6, ["julio"] = 7,
        ["agosto"] = 8, ["septiembre"] = 9, ["setiembre"] = 9, ["octubre"] = 10, ["noviembre"] = 11, ["diciembre"] = 12,
    };

    /// <summary>Only read after "15 de": on their own "mar" and "set" are other words.</summary>
    public static readonly IReadOnlyDictionary<string, int> MonthAbbreviations = new Dictionary<string, int>
    {
        ["ene"] = 1, ["feb"] = 2, ["mar"] = 3, ["abr"] = 4, ["may"] = 5, ["jun"] = 6, ["jul"] = 7, ["ago"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["set"] = 9, ["oct"] = 10, ["nov"] = 11, ["dic"] = 12,
    };

    private static readonly IReadOnlyDictionary<string, int> Numbers = new Dictionary<string, int>
    {
        ["uno"] = 1, ["una"] = 1, ["un"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6,
        ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12, ["trece"] = 13,
        ["catorce"] = 14, ["quince"] = 15, ["veinte"] = 20, ["veinticinco"] = 25, ["treinta"] = 30,
        ["cuarenta"] = 40, ["cincuenta"] = 50,
    };

    /// <summary>1-based; negative counts from the end ("la última" = -1).</summary>
    public static readonly IReadOnlyDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["primero"] = 1, ["primera"] = 1, ["primer"] = 1, ["segundo"] = 2, ["segunda"] = 2, ["tercero"] = 3,
        ["tercera"] = 3, ["tercer"] = 3, ["cuarto"] = 4, ["cuarta"] = 4, ["quinto"] = 5, ["quinta"] = 5,
        ["sexto"] = 6, ["sexta"] = 6, ["septimo"] = 7, ["septima"] = 7, ["octavo"] = 8, ["octava"] = 8,
        ["noveno"] = 9, ["novena"] = 9, ["decimo"] = 10, ["decima"] = 10, ["ultimo"] = -1, ["ultima"] = -1,
        ["penultimo"] = -2, ["penultima"] = -2, ["anteultimo"] = -2, ["anteultima"] = -2,
    };

    /// <summary>What follows a digit to make it an ordinal: "1ro", "2da", "3er".</summary>
    public static readonly Phrases OrdinalSuffixes = new("ro", "ra", "er", "era", "do", "da", "to", "ta", "mo", "ma", "vo", "va", "no", "na");

    /// <summary>
    /// A weekday written with one typo ("miercole", "sabdo", "juevs", "martez"): one letter missing, extra, wrong or
    /// swapped with the next, after the first three letters ("mates" is no Tuesday). Only for words the rules know
    /// nothing else about, and only when one weekday fits.
    /// </summary>
    public static bool TryWeekdayTypo(string word, out DayOfWeek day)
    {
        day = default;
        if (word.Length < 4 || SpanishWords.IsKnown(word)) return false;
        var matches = Weekdays.Where(w => OneEditApart(word, w.Key)).Select(w => w.Value).Distinct().Take(2).ToList();
        if (matches.Count != 1) return false;
        day = matches[0];
        return true;
    }

    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i < 3) return false;
        if (a.Length == b.Length)
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    public static int? Number(string word) => Numbers.TryGetValue(word, out var n) ? n : null;

    public static IEnumerable<string> Words =>
        Weekdays.Keys.Concat(Months.Keys).Concat(Numbers.Keys).Concat(Ordinals.Keys);
}
