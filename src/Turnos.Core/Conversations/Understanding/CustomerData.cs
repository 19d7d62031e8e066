using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Turnos.Core.Conversations;

/// <summary>
/// The customer's name and email, validated as the source system did. Shared by the understanding (which
/// finds them in messages) and the dialogue (which stores them).
/// </summary>
public static partial class CustomerData
{
    public const int MaxEmailLength = 254;
    public const int MinNameLength = 2;
    public const int MaxNameLength = 100;

    /// <summary>Lowercase particles inside a name: "María de los Ángeles", "Ortega y Gasset".</summary>
    private static readonly HashSet<string> Particles = ["de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "di", "van", "von", "der", "du"];

    // RFC 5321/5322 dot-atom local part (at most 64 characters) and a host name with a letters-only top-level domain.
    [GeneratedRegex(@"^(?=.{1,64}@)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex EmailPattern();

    // Seven or more digits, with the usual phone punctuation and nothing else.
    [GeneratedRegex(@"^\+?[\d\s().-]*$")]
    private static partial Regex PhoneCharacters();

    /// <summary>"Juan@Gmail.com " → "juan@gmail.com". A phone number where an email was expected is told apart.</summary>
    public static bool TryNormalizeEmail(string text, out string email, out EmailProblem? problem)
    {
        email = "";
        var s = text.Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        s = s.ToLowerInvariant();
        if (LooksLikePhone(s)) problem = EmailProblem.LooksLikePhone;
        else if (s.Length > MaxEmailLength) problem = EmailProblem.TooLong;
        else if (!EmailPattern().IsMatch(s)) problem = EmailProblem.Invalid;
        else problem = null;
        if (problem is null) email = s;
        return problem is null;
    }

    /// <summary>
    /// "juan pérez" → "Juan Pérez", "maría de los ángeles" → "María de los Ángeles", "o'brien" → "O'Brien".
    /// 2–100 characters of letters, spaces, hyphens and apostrophes; each word starts and ends with a letter, except
    /// initials ("José M. Ruiz").
    /// </summary>
    public static bool TryNormalizeName(string text, out string name, out NameProblem? problem)
    {
        name = "";
        var s = string.Join(' ', text.Normalize(NormalizationForm.FormC).Replace('’', '\'').Replace('ʼ', '\'')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        problem = s.Length == 0 ? NameProblem.TooShort
            : s.Any(char.IsDigit) ? NameProblem.HasDigits
            : !s.All(c => char.IsLetter(c) || IsMark(c) || c is ' ' or '-' or '\'' or '.') ? NameProblem.InvalidCharacters
            : s.Split(' ').Any(w => !IsInitial(w) && (w.Contains('.') || !char.IsLetter(w[0]) || !(char.IsLetter(w[^1]) || IsMark(w[^1])))) ? NameProblem.InvalidCharacters
            : s.Count(char.IsLetter) < MinNameLength ? NameProblem.TooShort
            : s.Length > MaxNameLength ? NameProblem.TooLong
            : null;
        if (problem is not null) return false;
        name = string.Join(' ', s.Split(' ').Select((w, i) => TitleCase(w, first: i == 0)));
        return true;
    }

    private static bool IsInitial(string word) => word.Length == 2 && char.IsLetter(word[0]) && word[1] == '.';

    internal static bool LooksLikePhone(string s) => PhoneCharacters().IsMatch(s) && s.Count(char.IsAsciiDigit) >= 7;

    private static string TitleCase(string word, bool first)
    {
        var lower = word.ToLowerInvariant();
        if (!first && Particles.Contains(lower)) return lower;
        var mixed = word != lower && word != word.ToUpperInvariant(); // "McDonald" keeps its inner capitals
        var sb = new StringBuilder(word.Length);
        var start = true;
        foreach (var c in mixed ? word : lower)
        {
            sb.Append(start ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            start = c is '-' or '\'';
        }
        return sb.ToString();
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
