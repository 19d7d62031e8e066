using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// Finds the professional a message asks for: full name, first name or surname, accents and case aside. After
/// "con" (or when a professional was asked) typos and short forms count too ("con sofi", "con lusia"); a bare
/// mention must be exact. "Con cualquiera", "me da igual quién" ask for anyone.
/// </summary>
internal sealed class ProfessionalMatcher
{
    private static readonly Phrases Anyone = new(
        "con cualquiera", "cualquiera", "con quien sea", "quien sea", "cualquier profesional", "cualquier peluquero",
        "cualquier peluquera", "cualquiera de ellos", "cualquiera de ellas", "el que este libre", "la que este libre",
        "el que sea", "la que sea", "con el que sea", "con la que sea", "el que haya", "la que haya", "el que tengas",
        "la que tengas", "el primero que haya", "sin preferencia", "me da igual quien", "da igual quien",
        "no importa quien", "me da igual", "da igual", "no importa", "no me importa", "indistinto", "me es indistinto",
        "me da lo mismo", "da lo mismo", "cualquiera esta bien", "con cualquiera esta bien");

    private static readonly HashSet<string> NotAboutWho = ["hora", "horario", "dia", "fecha", "momento", "cuando", "servicio", "precio"];

    private sealed record Entry(Professional Professional, string[] Words);

    private readonly Entry[] _entries;

    public ProfessionalMatcher(BusinessSnapshot business) =>
        _entries = business.Professionals.Select(p => new Entry(p,
            p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SpanishWords.NormalizeName).ToArray())).ToArray();

    public string? Match(Utterance u, Expectation expecting)
    {
        for (var i = 0; i < u.Count; i++)
        {
            if (u.Word(i) is not { } word) continue;
            var lenient = expecting == Expectation.Professional || u.Tokens.ElementAtOrDefault(i - 1)?.Text is "con" or "with";
            var full = _entries.FirstOrDefault(e => e.Words.Length > 1 && u.Match(i, e.Words) > 0);
            if (full is not null)
            {
                u.Use(i, full.Words.Length);
                return full.Professional.Id;
            }
            var candidates = _entries.Where(e => Names(e, word, lenient, u)).ToArray();
            if (candidates.Length > 1 && u.Word(i + 1) is { } next)
                candidates = candidates.Where(e => e.Words.Length > 1 && ServiceMatcher.Resembles(next, e.Words[^1], u)).ToArray();
            if (candidates.Length != 1) continue;
            var found = candidates[0];
            var length = found.Words.Length > 1 && u.Word(i + 1) is { } surname && ServiceMatcher.Resembles(surname, found.Words[^1], u) ? 2 : 1;
            u.Use(i, length);
            return found.Professional.Id;
        }
        return null;
    }

    /// <summary>"con cualquiera", "me da igual quién"; a bare "me da igual" only where it cannot be about the day or time.</summary>
    public static bool MatchAnyone(Utterance u, Expectation expecting)
    {
        var (at, length) = u.Find(u.Language == Language.En ? EnglishWords.Anyone : Anyone);
        if (length == 0) return false;
        var words = u.Tokens.Skip(at).Take(length).Select(t => t.Text).ToArray();
        var aboutWho = words.Any(w => w is "con" or "quien" or "profesional" or "peluquero" or "peluquera" or "ellos" or "ellas"
            or "with" or "who" or "whoever" or "anyone" or "anybody" or "stylist" or "preference");
        if (!aboutWho)
        {
            if (expecting is not (Expectation.None or Expectation.Professional)) return false;
            if (u.Word(at + length) is { } after && NotAboutWho.Contains(after)) return false;
            if (u.Word(at + length) is "el" or "la" && u.Word(at + length + 1) is { } noun && NotAboutWho.Contains(noun)) return false;
        }
        u.Use(at, length);
        return true;
    }

    private static bool Names(Entry e, string word, bool lenient, Utterance u)
    {
        var first = e.Words[0];
        var last = e.Words[^1];
        var id = SpanishWords.NormalizeName(e.Professional.Id);
        if (word == first || word == id || (e.Words.Length > 1 && word == last)) return !u.IsKnown(word) || lenient;
        if (!lenient) return false;
        return ServiceMatcher.Resembles(word, first, u) || (e.Words.Length > 1 && ServiceMatcher.Resembles(word, last, u))
            || (word.Length >= 3 && first.StartsWith(word, StringComparison.Ordinal));
    }
}
