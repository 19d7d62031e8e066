using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Core.Tests.Catalog;

/// <summary>The catalog's language settings: <c>languages</c>, per-service <c>aliases</c> and <c>persona.en</c>.</summary>
public class LanguageSettingsTests
{
    private static BusinessDocument Doc(List<string?>? languages = null, List<string?>? cutAliases = null, List<string?>? beardAliases = null,
        PersonaDocument? persona = null) => new()
    {
        Id = "demo", Name = "Peluquería Demo", TimeZone = "America/Argentina/Buenos_Aires", Currency = "ARS",
        Languages = languages, Persona = persona,
        Services =
        [
            new() { Id = "corte", Name = "Corte de cabello", DurationMinutes = 30, Price = 5000, Aliases = cutAliases },
            new() { Id = "barba", Name = "Barba", DurationMinutes = 20, Price = 3000, Aliases = beardAliases },
        ],
    };

    private static string[] Errors(BusinessDocument doc) => [.. CatalogValidator.Validate(doc, "b").Errors.Select(e => e.ToString())];

    [Fact]
    public void Defaults_AreSpanishThenEnglish_NoAliases_NoEnglishPersona()
    {
        var s = CatalogValidator.Validate(Doc(), "b").Snapshot!;

        Assert.Equal([Language.Es, Language.En], s.Business.Languages);
        Assert.Empty(s.Services[0].Aliases);
        Assert.Null(s.Business.Persona.En);
        Assert.Null(CatalogDocuments.FromSnapshot(s).Languages);
    }

    [Fact]
    public void Settings_AreRead_AndRoundTripThroughTheDocument()
    {
        var doc = Doc(["en", "es"], [" haircut ", "hair cut"], ["beard trim"],
            new PersonaDocument { BotName = "Luna", En = new() { Greeting = "Hi! I'm {bot} from {business}." } });

        var s = CatalogValidator.Validate(doc, "b").Snapshot!;
        var again = CatalogValidator.Validate(CatalogDocuments.FromSnapshot(s), "b").Snapshot!;

        Assert.Equal([Language.En, Language.Es], s.Business.Languages);
        Assert.Equal(["haircut", "hair cut"], s.Services[0].Aliases);
        Assert.Equal("Hi! I'm {bot} from {business}.", s.Business.Persona.En?.Greeting);
        Assert.Equal(s.Business.Languages, again.Business.Languages);
        Assert.Equal(s.Services[0].Aliases, again.Services[0].Aliases);
        Assert.Equal(s.Business.Persona, again.Business.Persona);
    }

    public static TheoryData<string[], string> BadLanguages => new()
    {
        { [], "b.languages: must list at least one language" },
        { ["es", "fr"], "b.languages[1]: 'fr' is not a known language (known: es, en)" },
        { ["en", "EN"], "b.languages[1]: 'EN' is listed twice" },
    };

    [Theory]
    [MemberData(nameof(BadLanguages))]
    public void Languages_KnownCodesOnly_NoDuplicates_NotEmpty(string[] codes, string error) =>
        Assert.Contains(Errors(Doc([.. codes])), e => e.StartsWith(error, StringComparison.Ordinal));

    [Fact]
    public void Aliases_MustBeTexts_OncePerService_AndNeverSharedBetweenServices()
    {
        Assert.Contains("b.services[0] (corte).aliases[0]: must be a non-empty text", Errors(Doc(cutAliases: ["  "])));
        Assert.Contains("b.services[0] (corte).aliases[1]: 'Haircut' is listed twice", Errors(Doc(cutAliases: ["haircut", "Haircut"])));
        Assert.Contains("b.services[0] (corte).aliases[0]: '123' has no letters", Errors(Doc(cutAliases: ["123"])));
        Assert.Contains("b.services[1] (barba).aliases[0]: 'Trím' is also an alias of service 'corte'",
            Errors(Doc(cutAliases: ["trim"], beardAliases: ["Trím"])));
    }

    [Fact]
    public void EnglishPersona_TextsAreLimited() =>
        Assert.Contains("b.persona.en.farewell: must be at most 500 characters",
            Errors(Doc(persona: new PersonaDocument { En = new() { Farewell = new string('x', 501) } })));
}
