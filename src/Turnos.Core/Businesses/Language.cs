namespace Turnos.Core.Businesses;

/// <summary>A language the assistant speaks with customers. New values go last: states store them as numbers.</summary>
public enum Language { Es, En }

/// <summary>The catalog's language codes ("es", "en") and the default setting.</summary>
public static class LanguageCodes
{
    /// <summary>The business's own language first; customers who write in another of the list are answered in it.</summary>
    public static IReadOnlyList<Language> Default { get; } = [Language.Es, Language.En];

    public static IReadOnlyList<string> Known { get; } = ["es", "en"];

    public static Language? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "es" => Language.Es,
        "en" => Language.En,
        _ => null,
    };

    public static string Code(this Language language) => language == Language.En ? "en" : "es";
}
