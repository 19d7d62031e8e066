namespace Turnos.Core.Conversations;

/// <summary>Spans from today, and the bare "pasado", for <see cref="DateExpressions"/>.</summary>
internal static partial class DateExpressions
{
    // "mañana no, pasado", "para pasado": short for "pasado mañana"; not "el lunes pasado", "el mes pasado".
    private static bool IsBarePasado(Utterance u, int i) =>
        u.Tokens.ElementAtOrDefault(i - 1)?.Text is not { } before
        || !(CalendarWords.Weekdays.ContainsKey(before) || before is "el" or "la" or "lo" or "mes" or "año" or "semana" or "fin" or "finde" or "ano");

    // "en 3 días", "dentro de 3 semanas", "en un mes", "de hoy en ocho (días)", "en un mes y medio".
    private static void Spans(Utterance u, DateOnly today, List<Mention> found, int rank)
    {
        for (var i = 0; i < u.Count; i++)
        {
            var lead = u.Match(i, ["de", "hoy", "en"]) is 3 ? 3 : u.Match(i, ["hoy", "en"]);
            if (lead > 0 && u.Integer(i + lead) is >= 2 and <= 90 and var idiom)
            {
                var j = i + lead + 1;
                if (u.Word(j) is "dia" or "dias") j++;
                u.Use(i, j - i);
                // The idiom counts today: "de hoy en ocho" is next week's same day, "de hoy en quince" the one after.
                found.Add(new(today.AddDays(idiom is 8 or 15 ? idiom - 1 : idiom), i, j, rank));
                continue;
            }
            var k = u.IsWord(i, "en") ? i + 1 : u.IsWord(i, "dentro") && u.IsWord(i + 1, "de") ? i + 2 : -1;
            if (k < 0 || u.Integer(k) is not (>= 1 and <= 90 and var count)) continue;
            DateOnly? d = u.Word(k + 1) switch
            {
                "dia" or "dias" => today.AddDays(count),
                "semana" or "semanas" => today.AddDays(7 * count),
                "mes" or "meses" when count <= 12 => today.AddMonths(count),
                _ => null,
            };
            if (d is null) continue;
            var end = k + 2;
            // "y medio/media": half a unit more.
            if (u.IsWord(end, "y") && u.Word(end + 1) is "medio" or "media")
            {
                d = u.Word(k + 1)!.StartsWith("mes") ? d.Value.AddDays(15) : u.Word(k + 1)!.StartsWith("semana") ? d.Value.AddDays(3) : d;
                end += 2;
            }
            u.Use(i, end - i);
            found.Add(new(d.Value, i, end, rank));
        }
    }
}
