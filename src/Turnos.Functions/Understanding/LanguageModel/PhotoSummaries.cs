using System.Text.RegularExpressions;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// The model's description of a customer's photos, made fit for the reply it completes ("Veo …"): one line, no WhatsApp
/// formatting, no final period, short. A photo can carry text that tries to steer the model, so a description with a link
/// or an address is dropped rather than repeated to the customer (the photos then go to a person).
/// </summary>
internal static partial class PhotoSummaries
{
    public const int MaxLength = 160;

    [GeneratedRegex(@"https?:|www\.|@|\.(com|net|org|ar|mx|io)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkLike();

    [GeneratedRegex(@"[*_~`]+")]
    private static partial Regex Formatting();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static string? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || LinkLike().IsMatch(value)) return null;
        var text = Spaces().Replace(Formatting().Replace(value, ""), " ").Trim().TrimEnd('.', ' ');
        if (text.Length > MaxLength && text.LastIndexOf(' ', MaxLength) is var cut)
            text = (cut > 0 ? text[..cut] : text[..MaxLength]).TrimEnd(',', ';', ' ') + "…";
        // "Veo Un diseño…": the phrase follows a verb. An acronym ("UV", "SPA") keeps its capitals.
        if (text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])) text = char.ToLowerInvariant(text[0]) + text[1..];
        return text.Length == 0 ? null : text;
    }
}
