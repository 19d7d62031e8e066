using System.Globalization;

namespace Turnos.Core.Conversations;

/// <summary>
/// The customer's own name: after "me llamo", "mi nombre es", "a nombre de", "soy", or the bare answer when the
/// name was asked. Cut from the original text, so accents and apostrophes survive, then validated and title-cased.
/// </summary>
internal static class NameExpressions
{
    /// <summary>What introduces a name in one language, what may precede a bare name, and which words are known.</summary>
    internal sealed record Vocabulary(Phrases Strong, Phrases Weak, Phrases Lead, IReadOnlySet<string> NeverFirst, Func<string, bool> IsKnown);

    /// <summary>Introductions that make what follows a name even if it is not one (so the problem is reported).</summary>
    private static readonly Phrases Strong = new("me llamo", "mi nombre es", "mi nombre", "a nombre de", "nombre", "de parte de", "me llaman");

    /// <summary>"soy Ana" is a name; "soy nueva", "soy de Palermo" are not, so the next word must be unknown.</summary>
    private static readonly Phrases Weak = new("soy", "yo soy", "te habla", "les habla", "habla");

    private static readonly Phrases Lead = new("hola", "buenas", "si", "ok", "dale", "bueno", "claro", "listo", "perfecto", "es", "yo", "mi", "nombre");

    private static readonly HashSet<string> Particles = ["de", "del", "la", "las", "los", "y", "e", "da", "di", "van", "von"];

    private static readonly IReadOnlySet<string> NeverFirst = new HashSet<string> {"de", "del", "la", "el", "los", "las", "un", "una", "que", "y", "a", "en", "con", "para", "por", "es", "mi", "tu", "su"};

    private static readonly Vocabulary Spanish = new(Strong, Weak, Lead, NeverFirst, SpanishWords.IsKnown);

    public static (string? Name, NameProblem? Problem) Read(Utterance u, Expectation expecting) => Read(u, expecting, Spanish);

    public static (string? Name, NameProblem? Problem) Read(Utterance u, Expectation expecting, Vocabulary v)
    {
        foreach (var (intros, strong) in new[] { (v.Strong, true), (v.Weak, false) })
        {
            for (var (at, n) = u.Find(intros); n > 0; (at, n) = u.Find(intros, at + 1))
            {
                var j = at + n;
                if (u.Free(j) is { Kind: TokenKind.Punctuation, Text: ":" }) j++;
                if (Run(u, j, firstMayBeKnown: strong, withNumbers: false, v) is not { } last) continue;
                var valid = CustomerData.TryNormalizeName(u.Slice(j, last), out var name, out var problem);
                if (!valid && !strong) continue;
                u.Use(at, last + 1 - at);
                return valid ? (name, null) : (null, problem);
            }
        }
        return expecting == Expectation.Name ? Bare(u, v) : (null, null);
    }

    // The whole answer to "¿cómo te llamás?", after any "sí,"/"hola": "Juan Pérez", "juan", "Juan 2" (a problem).
    private static (string? Name, NameProblem? Problem) Bare(Utterance u, Vocabulary v)
    {
        var j = 0;
        while (j < u.Count && (u.Free(j)?.Kind == TokenKind.Punctuation || u.IsWord(j, v.Lead) || u.Tokens[j].Used)) j++;
        if (Run(u, j, firstMayBeKnown: false, withNumbers: true, v) is { } last)
        {
            var valid = CustomerData.TryNormalizeName(u.Slice(j, last), out var name, out var problem);
            u.Use(j, last + 1 - j);
            return valid ? (name, null) : (null, problem);
        }
        // Nothing we know is in it and yet it is no name: say why ("123", "@@@").
        if (u.Tokens.Any(t => t.Kind == TokenKind.Word && v.IsKnown(t.Text))) return (null, null);
        var text = new string(u.Text.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)).ToArray())
            .Trim().TrimEnd('.', '!', ',');
        if (text.Length == 0) return (null, null);
        return CustomerData.TryNormalizeName(text, out var n, out var p) ? (n, null) : (null, p);
    }

    /// <summary>
    /// The last token of a name starting at <paramref name="j"/>: unknown words, with particles between them, initials
    /// ("José M. Ruiz", "Ana B") and capitalised number words inside it ("Juan Uno Pérez").
    /// </summary>
    private static int? Run(Utterance u, int j, bool firstMayBeKnown, bool withNumbers, Vocabulary v)
    {
        int? last = null;
        var words = 0;
        for (var k = j; k < u.Count && words < 6;)
        {
            var t = u.Free(k);
            if (t is { Kind: TokenKind.Word })
            {
                if (IsInitial(u, k, out var initialLength) && (words > 0 || initialLength == 2))
                {
                    (last, words, k) = (k + initialLength - 1, words + 1, k + initialLength);
                    continue;
                }
                if (words > 0 && Particles.Contains(t.Text))
                {
                    var p = k;
                    while (u.Word(p) is { } w && Particles.Contains(w)) p++;
                    if (u.Word(p) is { } after && !v.IsKnown(after)) { k = p; continue; }
                    break;
                }
                var known = v.IsKnown(t.Text);
                if (known && words > 0 && u.NumberWord(t.Text) is not null && (Capitalised(u, t) || withNumbers && IsNameWord(u, k + 1, v)))
                    known = false;
                if (known && !(words == 0 && firstMayBeKnown && !v.NeverFirst.Contains(t.Text))) break;
                (last, words, k) = (k, words + 1, k + 1);
            }
            else if (t is { Kind: TokenKind.Number } && words > 0 && (withNumbers || t.Glued)) (last, k) = (k, k + 1);
            else break;
        }
        return last;
    }

    // One letter, with its period glued ("M.") or capitalised on its own ("B"), is an initial, not the word "a" or "y".
    private static bool IsInitial(Utterance u, int k, out int length)
    {
        length = 0;
        if (u.Free(k) is not { Kind: TokenKind.Word } t || t.End - t.Start != 1) return false;
        if (u.Free(k + 1) is { Kind: TokenKind.Punctuation, Text: ".", Glued: true }) length = 2;
        else if (char.IsUpper(u.Text[t.Start]) && t.Text is not ("a" or "y" or "o" or "e" or "u")) length = 1;
        return length > 0;
    }

    private static bool Capitalised(Utterance u, Token t) => char.IsUpper(u.Text[t.Start]);

    private static bool IsNameWord(Utterance u, int k, Vocabulary v) => u.Word(k) is { } w && !v.IsKnown(w);

    /// <summary>
    /// The whole message as a name, for the third time it was asked: letters (and initials), 2–100 characters, at
    /// most four words, no email or digits, and something that marks it as a name (a word the rules do not know, or
    /// every word capitalised) so "no sé" stays no name.
    /// </summary>
    public static string? Plausible(string text) => Plausible(text, SpanishWords.IsKnown);

    public static string? Plausible(string text, Func<string, bool> isKnown)
    {
        var trimmed = new string(text.Where(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark).ToArray())
            .Trim().TrimEnd('.');
        if (text.Contains('@') || text.Any(char.IsDigit) || trimmed.Length == 0) return null;
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 4) return null;
        var folded = words.Select(w => SpanishText.Fold(w.TrimEnd('.'))).ToArray();
        var marked = folded.Any(w => w.Length > 0 && !isKnown(w)) || words.All(w => char.IsUpper(w[0]));
        return marked && CustomerData.TryNormalizeName(trimmed, out var name, out _) ? name : null;
    }
}
