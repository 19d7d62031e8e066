using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// Finds the catalog service a message talks about. Each service scores by the words of its own name found in the
/// text (typos allowed on longer words) and by the synonym groups it belongs to; the best score wins, a tie is no
/// answer (the dialogue asks), and "Corte de cabello" beats "Corte de barba" for "cortarme el pelo". The catalog's
/// aliases ("haircut", "beard trim") count in every language, more the more words they have; in English the everyday
/// English words of <see cref="EnglishServiceWords"/> stand in for the Spanish synonym groups.
/// </summary>
internal sealed class ServiceMatcher
{
    private static readonly HashSet<string> Filler = ["de", "del", "la", "el", "los", "las", "y", "con", "para", "a", "en", "al", "e", "o", "por", "sin", "+", "&"];

    /// <summary>Words in service names that tell variants apart but do not name a service on their own.</summary>
    private static readonly HashSet<string> Weak =
    [
        "turno", "servicio", "completo", "completa", "simple", "basico", "basica", "general", "normal", "comun", "express",
        "clasico", "clasica", "tradicional", "nuevo", "nueva", "sesion", "hombre", "hombres", "mujer", "mujeres", "dama",
        "damas", "caballero", "caballeros", "niño", "niña", "niños", "adulto", "adultos", "corto", "largo", "mediano",
    ];

    private static readonly HashSet<string> ArticleFollowers =
        ["de", "y", "con", "para", "el", "la", "a", "por", "esculpidas", "acrilicas", "semi", "semipermanente", "gel", "kapping", "capping"];

    private sealed record Entry(Service Service, string[] Words, ServiceSynonyms.Group[] Groups, ServiceSynonyms.Group[] EnglishGroups, Phrases? Aliases);

    private readonly Entry[] _entries;

    public ServiceMatcher(BusinessSnapshot business)
    {
        _entries = business.Services.Select(s =>
        {
            var words = s.Name.Split([' ', '-', '/', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .Select(SpanishWords.NormalizeName).Where(w => !Filler.Contains(w)).Distinct().ToArray();
            var all = words.Concat(s.Id.Split('-')).ToArray();
            var folded = string.Join(' ', words);
            var groups = ServiceSynonyms.Groups.Where(g => g.Terms.Items.Any(t =>
                t.Length == 1 ? all.Any(w => Phrases.WordMatches(t[0], w)) : folded.Contains(string.Join(' ', t)))).ToArray();
            var english = EnglishServiceWords.GroupsFor(all, folded);
            // Both foldings of each alias: as Spanish chat reads words ("shampo") and as English does ("shampoo").
            var aliases = s.Aliases.SelectMany(a => new[]
            {
                string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SpanishWords.NormalizeName)),
                string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => SpanishText.Fold(w).Replace('’', '\''))),
            }).Distinct().ToArray();
            return new Entry(s, words, groups, english, aliases.Length == 0 ? null : new Phrases(aliases));
        }).ToArray();
    }

    /// <summary>At most this many services in one message: a visit, not a menu read aloud.</summary>
    public const int MaxServices = 4;

    /// <summary>The one service the message talks about (the first named when it names several).</summary>
    public string? Match(Utterance u) => MatchAll(u) is [var first, ..] ? first : null;

    /// <summary>
    /// Every service the message names, in the order it names them ("corte y barba", "color y después un peinado"):
    /// the best match takes its words, then the next best is looked for in what is left, until nothing (or a tie) is
    /// left. A service named twice counts once.
    /// </summary>
    public IReadOnlyList<string> MatchAll(Utterance u)
    {
        var found = new List<(string Id, int At)>();
        while (found.Count < MaxServices && MatchOne(u) is { } next)
            if (!found.Exists(f => f.Id == next.Id)) found.Add(next);
        return ValueList.Of(found.OrderBy(f => f.At).Select(f => f.Id));
    }

    private (string Id, int At)? MatchOne(Utterance u)
    {
        var scored = new List<(Entry Entry, int Score, List<int> Tokens)>();
        foreach (var e in _entries)
        {
            var tokens = new List<int>();
            var (score, strong, matched) = (0, false, 0);
            foreach (var w in e.Words)
            {
                if (FindWord(u, w) is not (>= 0 and var at)) continue;
                tokens.Add(at);
                matched++;
                score += Weak.Contains(w) ? 1 : 2;
                strong |= !Weak.Contains(w);
            }
            var english = u.Language == Language.En;
            foreach (var g in english ? e.EnglishGroups : e.Groups)
            {
                if (FindTerm(u, g.Terms) is not { Length: > 0 } hit) continue;
                tokens.AddRange(Enumerable.Range(hit.At, hit.Length));
                // "beard trim" says more than "trim": in English a longer term outweighs a shorter one.
                score += g.Weight + (english ? hit.Length - 1 : 0);
                strong |= g.Weight > 1;
            }
            if (e.Aliases is { } aliases && u.Find(aliases) is { Length: > 0 } alias)
            {
                tokens.AddRange(Enumerable.Range(alias.At, alias.Length));
                score += 2 + alias.Length;
                strong = true;
            }
            if (!strong) continue;
            if (matched == e.Words.Length) score++;
            scored.Add((e, score, tokens));
        }
        if (scored.Count == 0) return null;
        var top = scored.Max(x => x.Score);
        var tied = scored.Where(x => x.Score == top).ToList();
        // A tie on the same words is a question ("uñas" with two nail services: ask which); a tie on different words
        // is two services named ("manicura y peinado"): take the first, the next round finds the other.
        if (tied.Count > 1 && tied.SelectMany(x => x.Tokens.Distinct()).GroupBy(t => t).Any(g => g.Count() > 1)) return null;
        var best = tied.MinBy(x => x.Tokens.Min());
        foreach (var t in best.Tokens) u.Use(t, 1);
        return (best.Entry.Service.Id, best.Tokens.Min());
    }

    private static int FindWord(Utterance u, string target)
    {
        for (var i = 0; i < u.Count; i++)
            if (u.Word(i) is { } w && Resembles(w, target, u)) return i;
        return -1;
    }

    private static (int At, int Length) FindTerm(Utterance u, Phrases terms)
    {
        for (var i = 0; i < u.Count; i++)
        {
            if (u.Word(i) is not { } w) continue;
            if (u.Match(i, terms) is > 0 and var n) return (i, n);
            foreach (var t in terms.Items)
                if (t is [var single] && single[^1] != '*' && Resembles(w, single, u)) return (i, 1);
            if (w == ServiceSynonyms.UnasWithoutTilde && terms.ContainsWord("uñas") && !IsArticle(u, i)) return (i, 1);
        }
        return (-1, 0);
    }

    /// <summary>Equal, or a typo away for words the rules do not otherwise know ("calor" never becomes "color").</summary>
    public static bool Resembles(string word, string target) => Resembles(word, target, SpanishWords.IsKnown);

    /// <summary>As <see cref="Resembles(string, string)"/>, with the lexicon of the utterance's language.</summary>
    public static bool Resembles(string word, string target, Utterance u) => Resembles(word, target, u.IsKnown);

    private static bool Resembles(string word, string target, Func<string, bool> isKnown)
    {
        if (word == target) return true;
        var typos = SpanishText.AllowedTypos(Math.Min(word.Length, target.Length));
        return typos > 0 && !isKnown(word) && SpanishText.Distance(word, target, typos) <= typos;
    }

    // "unas mechas" is an article; "las unas", "hacerme unas" at the end, "unas y pies" are nails.
    private static bool IsArticle(Utterance u, int i)
    {
        if (u.Tokens.ElementAtOrDefault(i - 1)?.Text is "las" or "mis" or "tus" or "sus" or "hacerme" or "hacer" or "pintarme" or "pintar" or "arreglarme") return false;
        var next = u.Tokens.ElementAtOrDefault(i + 1);
        return next is { Kind: TokenKind.Word } && !ArticleFollowers.Contains(next.Text);
    }
}
