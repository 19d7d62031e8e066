namespace Turnos.Core.Conversations;

/// <summary>
/// A set of keyword phrases in folded form ("cuanto sale", "de una"), longest first so the most specific one wins
/// at any position. Entries ending in '*' are stems ("cancel*" covers cancelar, cancelo, cancelalo).
/// </summary>
internal sealed class Phrases
{
    public Phrases(params string[] phrases)
    {
        Items = phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .OrderByDescending(p => p.Length).ToArray();
    }

    public string[][] Items { get; }

    /// <summary>Every word of every phrase (stems without their '*'), for the lexicon.</summary>
    public IEnumerable<string> Words => Items.SelectMany(p => p).Select(w => w.TrimEnd('*'));

    /// <summary>Whether a single word is one of the one-word phrases (or matches a one-word stem).</summary>
    public bool ContainsWord(string word)
    {
        foreach (var p in Items)
            if (p.Length == 1 && WordMatches(p[0], word)) return true;
        return false;
    }

    public static bool WordMatches(string pattern, string word) =>
        pattern[^1] == '*' ? word.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal) : pattern == word;
}
