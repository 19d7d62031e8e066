using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Which language a message is in, and how the conversation's language follows (sticky, within the business's).</summary>
public class LanguageDetectionTests
{
    private static readonly Language[] Both = [Language.Es, Language.En];

    public static TheoryData<string, Language> FirstMessages => new()
    {
        { "Hi! can I book a haircut tomorrow at 3pm?", Language.En },
        { "hello, do you have anything on Friday?", Language.En },
        { "I'd like to cancel my appointment", Language.En },
        { "how much is a manicure?", Language.En },
        { "what time do you open on saturday", Language.En },
        { "yes please", Language.En },
        { "hola, quiero cortarme el pelo mañana a las 3", Language.Es },
        { "¿cuánto sale la manicura?", Language.Es },
        { "buenas! tenés turno el viernes?", Language.Es },
        { "quiero cancelar mi turno", Language.Es },
        { "gracias!", Language.Es },
        // Nothing to go by: the business's own language.
        { "👍", Language.Es }, { "15:00", Language.Es }, { "Juan Pérez", Language.Es }, { "john@gmail.com", Language.Es }, { "", Language.Es },
        { "ok", Language.Es }, { "José", Language.Es },
    };

    [Theory]
    [MemberData(nameof(FirstMessages))]
    public void FirstMessage_PicksTheLanguageOfItsWords(string text, Language expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text, null, Both));

    [Theory]
    [InlineData("ok")]
    [InlineData("John Smith")]
    [InlineData("john.smith@gmail.com")]
    [InlineData("10")]
    [InlineData("si")]
    [InlineData("gracias")]
    [InlineData("I'm José")]
    public void AnEnglishConversation_StaysEnglish_OnNeutralOrWeakMessages(string text) =>
        Assert.Equal(Language.En, LanguageDetector.Detect(text, Language.En, Both));

    [Theory]
    [InlineData("yes")]
    [InlineData("ok thanks")]
    [InlineData("Lucía")]
    public void ASpanishConversation_StaysSpanish_OnAWordOrTwo(string text) =>
        Assert.Equal(Language.Es, LanguageDetector.Detect(text, Language.Es, Both));

    [Fact]
    public void AClearSwitch_ChangesTheLanguage_BothWays()
    {
        Assert.Equal(Language.En, LanguageDetector.Detect("sorry, can we switch to English? I want a haircut", Language.Es, Both));
        Assert.Equal(Language.Es, LanguageDetector.Detect("mejor en español: quiero un turno para mañana", Language.En, Both));
    }

    [Fact]
    public void OnlyTheBusinessLanguages_AnyOtherFallsBackToTheFirst()
    {
        Assert.Equal(Language.Es, LanguageDetector.Detect("can I book a haircut tomorrow?", null, [Language.Es]));
        Assert.Equal(Language.En, LanguageDetector.Detect("quiero un turno para mañana", null, [Language.En]));
        Assert.Equal(Language.En, LanguageDetector.Detect("👍", null, [Language.En, Language.Es]));
    }

    [Fact]
    public void TheScore_SaysWhichWordsCounted()
    {
        var e = LanguageDetector.Score("Hi! can I book a haircut with Lucía tomorrow? my email is ana@mail.com");

        Assert.Equal(["hi", "can", "i", "book", "haircut", "with", "tomorrow", "my", "is"], e.EnglishWords);
        Assert.Empty(e.SpanishWords);
    }

    [Fact]
    public void TheUnderstanding_CarriesTheLanguage()
    {
        Assert.Equal(Language.En, Understand("can I book for tomorrow?").Language);
        Assert.Equal(Language.Es, Understand("quiero un turno").Language);
        Assert.Equal(Language.En, RulesUnderstanding.Understand(new UnderstandingContext("ok", Now, Demo, Language: Language.En)).Language);
    }
}
