using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Core.Tests.Catalog;

/// <summary><c>whatsAppTemplates.reminder</c>: a Twilio Content sid and a known field per numbered variable.</summary>
public class TemplateSettingsTests
{
    private const string Sid = "HX0123456789abcdef0123456789ABCDEF";

    private static BusinessDocument Doc(TemplateDocument? reminder) => new()
    {
        Id = "demo", Name = "Peluquería Demo", TimeZone = "America/Argentina/Buenos_Aires", Currency = "ARS",
        WhatsAppTemplates = reminder is null ? null : new WhatsAppTemplatesDocument { Reminder = reminder },
        Services = [new() { Id = "corte", Name = "Corte de cabello", DurationMinutes = 30, Price = 5000 }],
    };

    private static string[] Errors(string? sid, Dictionary<string, string?>? variables) =>
        [.. CatalogValidator.Validate(Doc(new TemplateDocument { ContentSid = sid, Variables = variables }), "b").Errors.Select(e => e.ToString())];

    [Fact]
    public void Absent_MeansPlainText_AndIsNotWrittenBack()
    {
        var s = CatalogValidator.Validate(Doc(null), "b").Snapshot!;

        Assert.Null(s.Business.Templates.Reminder);
        Assert.Null(CatalogDocuments.FromSnapshot(s).WhatsAppTemplates);
    }

    [Fact]
    public void Set_IsKeptInVariableOrder_AndRoundTrips()
    {
        var s = CatalogValidator.Validate(Doc(new TemplateDocument
        {
            ContentSid = Sid, Variables = new() { ["10"] = "code", ["2"] = "date", ["1"] = "customerName" },
        }), "b").Snapshot!;
        var again = CatalogValidator.Validate(CatalogDocuments.FromSnapshot(s), "b").Snapshot!;

        var reminder = s.Business.Templates.Reminder!;
        Assert.Equal(Sid, reminder.ContentSid);
        Assert.Equal([("1", TemplateField.CustomerName), ("2", TemplateField.Date), ("10", TemplateField.Code)],
            reminder.Variables.Select(v => (v.Key, v.Field)));
        Assert.Equal(s.Business.Templates, again.Business.Templates);
    }

    public static TheoryData<string?, string, string, string> Bad => new()
    {
        { "HX123", "1", "date", "b.whatsAppTemplates.reminder.contentSid: 'HX123' is not a Twilio Content sid (HX followed by 32 hex digits)" },
        { null, "1", "date", "b.whatsAppTemplates.reminder.contentSid: '' is not a Twilio Content sid" },
        { Sid, "0", "date", "b.whatsAppTemplates.reminder.variables: '0' is not a template variable number (1, 2, …)" },
        { Sid, "nombre", "date", "b.whatsAppTemplates.reminder.variables: 'nombre' is not a template variable number" },
        { Sid, "1", "fecha", "b.whatsAppTemplates.reminder.variables.1: 'fecha' is not a known field (known: customerName, businessName, service, professional, date, time, address, code)" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Invalid_IsRefusedWithWhereAndWhy(string? sid, string key, string field, string error) =>
        Assert.Contains(Errors(sid, new() { [key] = field }), e => e.StartsWith(error, StringComparison.Ordinal));

    [Fact]
    public void TooManyVariables_AreRefused() =>
        Assert.Contains("b.whatsAppTemplates.reminder.variables: must map at most 10 variables, not 11",
            Errors(Sid, Enumerable.Range(1, 11).ToDictionary(i => i.ToString(), _ => (string?)"date")));
}
