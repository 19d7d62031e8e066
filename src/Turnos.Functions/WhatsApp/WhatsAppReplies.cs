using Turnos.Core.Businesses;
using Turnos.Core.Conversations;

namespace Turnos.Functions.WhatsApp;

/// <summary>What the webhook itself says, outside any conversation. Neutral Latin-American Spanish, short.</summary>
internal static class WhatsAppReplies
{
    public const string TextOnly = "Por ahora solo puedo leer mensajes de texto 🙂 ¿Me lo escribes, por favor?";

    public const string Problem = "Perdón, tuve un problema para responderte. Por favor, intenta de nuevo en un momento 🙏";

    public const string ProblemEnglish = "Sorry, I had a problem answering you. Please try again in a moment 🙏";

    /// <summary>The apology in the language the message was written in (from its words alone: the turn that failed
    /// may never have loaded the conversation).</summary>
    public static string ProblemFor(string? text) =>
        LanguageDetector.Detect(text ?? "", null, LanguageCodes.Default) == Language.En ? ProblemEnglish : Problem;

    public const string NoBusinesses = "¡Hola! Por ahora no hay negocios disponibles en este número. 🙏";

    /// <summary>The businesses reachable through a shared number, as (name, code).</summary>
    public static string AskBusiness(IEnumerable<(string Name, string Code)> businesses, string? unknownCode = null)
    {
        var intro = unknownCode is null
            ? "¡Hola! 👋 Este número atiende a varios negocios. ¿Con cuál quieres hablar?"
            : $"No encontré ningún negocio con el código *{unknownCode}*. 🤔";
        var lines = businesses.Select(b => $"• *{b.Name}*: #{b.Code}");
        return intro + "\n\nResponde con el código del negocio, por ejemplo *#" + businesses.First().Code + "*:\n" + string.Join("\n", lines);
    }
}
