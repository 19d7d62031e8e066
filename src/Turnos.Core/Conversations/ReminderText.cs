using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// The reminder a customer gets before an appointment, in the bot's voice: who writes, what is booked (each service,
/// day and time in the business's zone, with whom, the price), where, the booking code and how to answer it: 1 confirms,
/// 2 cancels, 3 changes the time (the customer's conversation reads that answer as about this appointment).
/// </summary>
public static class ReminderText
{
    public static string For(Appointment a, BusinessSnapshot s, Language language)
    {
        var texts = ReplyTexts.For(language);
        var b = s.Business;
        var first = string.IsNullOrWhiteSpace(a.Customer.Name) ? "" : SpanishFormat.FirstName(a.Customer.Name);
        var summary = texts.Summary(Intro(language, first, b), VisitText.Services(a, s), VisitText.Slot(a), s);
        var where = string.IsNullOrWhiteSpace(b.Address) ? "" : $"\n📍 {b.Address}";
        var code = language == Language.En ? "Code" : "Código";
        return $"{summary}{where}\n🔖 {code}: *{a.Code}*\n{texts.HowToAnswerReminder(a.ConfirmedUtc is not null)}";
    }

    private static string Intro(Language language, string first, Business b) => language == Language.En
        ? $"⏰ Hi{(first.Length > 0 ? $" {first}" : "")}! It's {b.Persona.BotName} from *{b.Name}*. A reminder of your appointment:"
        : $"⏰ ¡Hola{(first.Length > 0 ? $", {first}" : "")}! Soy {b.Persona.BotName}, de *{b.Name}*. Te recuerdo tu turno:";
}
