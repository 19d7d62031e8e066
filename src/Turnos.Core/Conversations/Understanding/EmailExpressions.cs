using System.Text.RegularExpressions;

namespace Turnos.Core.Conversations;

/// <summary>
/// Emails anywhere in a message. Found ones are blanked out of the text (same length, so positions hold) before
/// the rest is read, so "juan.perez@gmail.com" gives no name, time or service.
/// </summary>
internal static partial class EmailExpressions
{
    private static readonly char[] Wrapping = ['<', '>', '(', ')', '[', ']', '{', '}', ',', ';', ':', '!', '?', '¡', '¿', '"', '\'', '.', '*', '_'];

    [GeneratedRegex(@"\+?\d[\d\s().-]{5,}\d")]
    private static partial Regex PhoneRun();

    [GeneratedRegex(@"mail|correo", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsMail();

    public static (string? Email, EmailProblem? Problem, string Remaining) Read(string text, Expectation expecting)
    {
        var mentioned = expecting == Expectation.Email || MentionsMail().IsMatch(text);
        var rest = text.ToCharArray();
        string? email = null;
        EmailProblem? problem = null;
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (rest[at] == ' ') continue; // inside a candidate already read
            var start = at;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
            var end = at + 1;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            var candidate = text[start..end].Trim(Wrapping);
            // "Ju@n" answering "¿cómo te llamás?" is not an attempt at an email; "juan@gmail" after "tu email" is.
            if (!mentioned && !candidate[(candidate.IndexOf('@') + 1)..].Contains('.')) continue;
            Array.Fill(rest, ' ', start, end - start);
            if (CustomerData.TryNormalizeEmail(candidate, out var found, out var why)) email ??= found;
            else problem ??= why;
        }
        if (email is not null) problem = null;
        else if (problem is null && expecting == Expectation.Email && !text.Contains('@'))
        {
            var trimmed = text.Trim().TrimEnd('.', '!');
            if (PhoneRun().Match(text) is { Success: true } phone && phone.Value.Count(char.IsAsciiDigit) >= 7) problem = EmailProblem.LooksLikePhone;
            else if (!trimmed.Any(char.IsWhiteSpace) && trimmed.Contains('.')) problem = EmailProblem.Invalid; // "juangmail.com"
        }
        return (email, problem, new string(rest));
    }
}
