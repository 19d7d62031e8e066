using System.Text.RegularExpressions;

namespace Turnos.Functions.WhatsApp;

/// <summary>
/// A business code in a message sent to a shared number: "#demo", or "código: demo" as a wa.me link's
/// prefilled text carries it ("Hola! (código: demo)"). The code is the business id.
/// </summary>
public static partial class BusinessCode
{
    [GeneratedRegex(@"\(\s*c[oó]digo\s*:?\s*([a-z0-9][a-z0-9-]{0,39})\s*\)|c[oó]digo\s*:?\s*([a-z0-9][a-z0-9-]{0,39})\b|(?<![\w#])#([a-z0-9][a-z0-9-]{0,39})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex BareCode();

    /// <summary>The first code the text names (lowercase) and the text without it; null when it names none.</summary>
    public static (string? Code, string Remainder) Find(string text)
    {
        var match = CodePattern().Match(text);
        if (!match.Success) return (null, text);
        var code = match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.ToLowerInvariant();
        var rest = (text[..match.Index] + " " + text[(match.Index + match.Length)..]).Trim();
        return (code, MultipleSpaces().Replace(rest, " "));
    }

    /// <summary>The text itself as a code ("demo"), which a customer may answer when asked for one.</summary>
    public static string? Bare(string text)
    {
        var candidate = text.Trim().TrimStart('#').ToLowerInvariant();
        return BareCode().IsMatch(candidate) ? candidate : null;
    }

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();
}
