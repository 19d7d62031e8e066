using System.Globalization;
using System.Text;

namespace Turnos.Core.Conversations;

/// <summary>
/// Folds WhatsApp-style Spanish to one spelling per word, so "MAÑANAAA", "mañana" and "Mañana" compare equal.
/// Used on both sides of every comparison: the customer's words and the catalog's names.
/// </summary>
internal static class SpanishText
{
    /// <summary>Lowercase without accents. ñ is kept: it is what tells "uñas" from "unas" and "año" from "ano".</summary>
    public static string Fold(string text)
    {
        var source = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(source.Length);
        foreach (var ch in source)
        {
            var c = char.ToLowerInvariant(ch);
            if (c < 0x80 || c == 'ñ') { sb.Append(c); continue; }
            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) sb.Append(d);
        }
        return sb.ToString();
    }

    /// <summary>
    /// "holaaa" → "hola", "siii" → "si", "buenaas" → "buenas". Letters written three times or more are emphasis in
    /// any language; doubled a/i/o/u barely exist in Spanish, while "ee" does ("leer", "cree"), so it stays.
    /// </summary>
    public static string Squeeze(string word)
    {
        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length;)
        {
            var c = word[i];
            var run = 1;
            while (i + run < word.Length && word[i + run] == c) run++;
            sb.Append(c, run >= 3 || (run == 2 && c is 'a' or 'i' or 'o' or 'u') ? 1 : run);
            i += run;
        }
        return sb.ToString();
    }

    /// <summary>Every doubled letter collapsed ("graciass", "dalee", "okk"); only used when it yields a known word.</summary>
    public static string Collapse(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
            if (sb.Length == 0 || sb[^1] != c) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Edit distance with adjacent transpositions ("croet" is one typo from "corte"), capped for speed.</summary>
    public static int Distance(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) > cap) return cap + 1;
        if (a.Length > 64 || b.Length > 64) return cap + 1; // no word is that long
        // Three rolling rows: the one before the previous is needed for transpositions.
        Span<int> rows = stackalloc int[3 * (b.Length + 1)];
        var older = rows[..(b.Length + 1)];
        var previous = rows.Slice(b.Length + 1, b.Length + 1);
        var current = rows[(2 * (b.Length + 1))..];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = Math.Min(best, older[j - 2] + 1);
                current[j] = best;
                rowMin = Math.Min(rowMin, best);
            }
            if (rowMin > cap) return cap + 1;
            var recycled = older;
            older = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }

    /// <summary>How many typos a word of this length may carry and still count: none for short words.</summary>
    public static int AllowedTypos(int length) => length >= 8 ? 2 : length >= 5 ? 1 : 0;
}
