using Turnos.Core.Businesses;
using Turnos.Core.Conversations;

namespace Turnos.Functions.WhatsApp;

/// <summary>What the webhook itself says, outside any conversation: neutral Latin-American Spanish, or English for a
/// customer who writes (or wrote last time) in English. Short.</summary>
internal static class WhatsAppReplies
{
    public const string TextOnly = "Por ahora solo puedo leer mensajes de texto 🙂 ¿Me lo escribes, por favor?";

    public const string TextOnlyEnglish = "For now I can only read text messages 🙂 Could you write it to me, please?";

    public const string Problem = "Perdón, tuve un problema para responderte. Por favor, intenta de nuevo en un momento 🙏";

    public const string ProblemEnglish = "Sorry, I had a problem answering you. Please try again in a moment 🙏";

    public const string NoBusinesses = "¡Hola! Por ahora no hay negocios disponibles en este número. 🙏";

    public const string NoBusinessesEnglish = "Hi! There are no businesses available on this number for now. 🙏";

    /// <summary>The language a message was written in, from its words alone (no conversation is loaded for these).</summary>
    public static Language LanguageOf(string? text) => LanguageDetector.Detect(text ?? "", null, LanguageCodes.Default);

    /// <summary>The apology in the language the message was written in (the turn that failed may never have loaded the
    /// conversation).</summary>
    public static string ProblemFor(string? text) => LanguageOf(text) == Language.En ? ProblemEnglish : Problem;

    /// <param name="language">The conversation's language, when it has one: a picture carries no words to tell it by.</param>
    public static string TextOnlyIn(Language? language) => language == Language.En ? TextOnlyEnglish : TextOnly;

    /// <summary>The businesses reachable through a shared number, as (name, code).</summary>
    public static string AskBusiness(IEnumerable<(string Name, string Code)> businesses, string? unknownCode = null, Language language = Language.Es)
    {
        var english = language == Language.En;
        var intro = (unknownCode, english) switch
        {
            (null, false) => "¡Hola! 👋 Este número atiende a varios negocios. ¿Con cuál quieres hablar?",
            (null, true) => "Hi! 👋 This number serves several businesses. Which one would you like to talk to?",
            (_, false) => $"No encontré ningún negocio con el código *{unknownCode}*. 🤔",
            (_, true) => $"I couldn't find any business with the code *{unknownCode}*. 🤔",
        };
        var lines = businesses.Select(b => $"• *{b.Name}*: #{b.Code}");
        var example = "*#" + businesses.First().Code + "*";
        return intro + (english ? $"\n\nReply with the business's code, for example {example}:\n" : $"\n\nResponde con el código del negocio, por ejemplo {example}:\n")
            + string.Join("\n", lines);
    }
}
