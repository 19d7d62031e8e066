using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>A reminder as an approved template's variables: each one filled with the field the business mapped to it,
/// in the conversation's language and the business's zone. WhatsApp rejects an empty variable, so none is left empty.</summary>
public static class ReminderTemplate
{
    public static IReadOnlyDictionary<string, string> Values(Appointment a, BusinessSnapshot s, Language language, WhatsAppTemplate template) =>
        template.Variables.ToDictionary(v => v.Key, v => Value(v.Field, a, s, language));

    private static string Value(TemplateField field, Appointment a, BusinessSnapshot s, Language language)
    {
        var local = LocalTime.ToLocal(a.StartUtc, s.Business.TimeZone);
        var english = language == Language.En;
        var text = field switch
        {
            TemplateField.CustomerName => string.IsNullOrWhiteSpace(a.Customer.Name) ? "" : SpanishFormat.FirstName(a.Customer.Name),
            TemplateField.BusinessName => s.Business.Name,
            TemplateField.Service => VisitText.Names([.. a.Visit.Select(g => g.ServiceId)], s, english ? " and " : " y "),
            TemplateField.Professional => string.Join(english ? " and " : " y ",
                a.Visit.Select(g => g.ProfessionalId).Distinct().Select(id => s.FindProfessional(id)?.Name ?? id)),
            TemplateField.Date => english ? EnglishFormat.Day(DateOnly.FromDateTime(local)) : SpanishFormat.LongDay(DateOnly.FromDateTime(local)),
            TemplateField.Time => english ? EnglishFormat.Time(TimeOnly.FromDateTime(local)) : SpanishFormat.Time(TimeOnly.FromDateTime(local)),
            TemplateField.Address => s.Business.Address ?? "",
            _ => a.Code,
        };
        return string.IsNullOrWhiteSpace(text) ? "-" : text;
    }
}
