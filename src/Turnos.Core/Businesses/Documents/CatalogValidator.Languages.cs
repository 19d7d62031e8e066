namespace Turnos.Core.Businesses.Documents;

/// <summary>The languages a business answers in, the English persona texts and the services' aliases.</summary>
public static partial class CatalogValidator
{
    public const int MaxAliasLength = 60;

    private static IReadOnlyList<Language> ValidateLanguages(List<string?>? codes, string path, List<CatalogError> errors)
    {
        if (codes is null) return LanguageCodes.Default;
        if (codes.Count == 0) errors.Add(new(path, "must list at least one language (the business's own first), e.g. [\"es\", \"en\"]"));
        var languages = new List<Language>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (LanguageCodes.Parse(codes[i]) is not { } language)
                errors.Add(new($"{path}[{i}]", $"'{codes[i]}' is not a known language (known: {string.Join(", ", LanguageCodes.Known)})"));
            else if (languages.Contains(language)) errors.Add(new($"{path}[{i}]", $"'{codes[i]}' is listed twice"));
            else languages.Add(language);
        }
        return languages.Count == 0 ? LanguageCodes.Default : languages;
    }

    private static PersonaTexts? ValidatePersonaTexts(PersonaTextsDocument? p, string path, List<CatalogError> errors)
    {
        if (p is null) return null;
        foreach (var (field, text) in new[] { ("greeting", p.Greeting), ("farewell", p.Farewell), ("unknownPhrase", p.UnknownPhrase) })
            if (text?.Length > 500) errors.Add(new($"{path}.{field}", "must be at most 500 characters"));
        var texts = new PersonaTexts(Blank(p.Greeting), Blank(p.Farewell), Blank(p.UnknownPhrase));
        return texts == new PersonaTexts() ? null : texts;
    }

    /// <summary>Each alias a non-empty text (trimmed, at most 60 characters), once per service.</summary>
    private static List<string> ValidateAliases(List<string?>? aliases, string path, List<CatalogError> errors)
    {
        var result = new List<string>();
        for (var i = 0; i < (aliases?.Count ?? 0); i++)
        {
            var alias = aliases![i]?.Trim();
            if (string.IsNullOrEmpty(alias)) errors.Add(new($"{path}[{i}]", "must be a non-empty text"));
            else if (alias.Length > MaxAliasLength) errors.Add(new($"{path}[{i}]", $"must be at most {MaxAliasLength} characters"));
            else if (!alias.Any(char.IsLetter)) errors.Add(new($"{path}[{i}]", $"'{alias}' has no letters"));
            else if (result.Any(a => AliasKey(a) == AliasKey(alias))) errors.Add(new($"{path}[{i}]", $"'{alias}' is listed twice"));
            else result.Add(alias);
        }
        return result;
    }

    /// <summary>No alias (compared without case or accents) names two services.</summary>
    private static void CheckSharedAliases(List<ServiceDocument?>? docs, List<Service> services, string path, List<CatalogError> errors)
    {
        var owners = new Dictionary<string, string>();
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            if (docs![i] is not { Id: { } id } || services.FirstOrDefault(s => s.Id == id) is not { } service) continue;
            var at = $"{path}[{i}]{Label(id)}.aliases";
            for (var j = 0; j < service.Aliases.Count; j++)
            {
                var key = AliasKey(service.Aliases[j]);
                if (owners.TryGetValue(key, out var other) && other != id)
                    errors.Add(new($"{at}[{j}]", $"'{service.Aliases[j]}' is also an alias of service '{other}'"));
                else owners[key] = id;
            }
        }
    }

    /// <summary>How aliases compare: lowercase, without accents, single spaces.</summary>
    public static string AliasKey(string alias) =>
        string.Join(' ', Conversations.SpanishText.Fold(alias).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
