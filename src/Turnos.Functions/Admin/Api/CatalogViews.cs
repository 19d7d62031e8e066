using System.Globalization;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Functions.Admin.Api;

// What the admin API answers about businesses and their catalogs. Each item view is also a valid request
// body for the same item (read-only extras such as fromUtc are ignored on the way in), so a client can
// GET, edit and PUT back.

public sealed record BusinessSummaryView(string Id, string Name, string? Email, string TimeZone, IReadOnlyList<string> WhatsAppNumbers, string Currency);

/// <param name="RemindersMinutesBefore">When customers are reminded, in minutes before the start; empty: never.</param>
public sealed record PolicyView(int SlotIntervalMinutes, int MinimumNoticeMinutes, int MaximumHorizonDays, int BufferBeforeMinutes, int BufferAfterMinutes,
    bool AllowBookingWithoutEmail, IReadOnlyList<int> RemindersMinutesBefore);

/// <param name="En">The same texts in English (the bot's name stays); null: the English defaults.</param>
public sealed record PersonaView(string BotName, string? Greeting, string? Farewell, string? UnknownPhrase, PersonaTextsView? En);

public sealed record PersonaTextsView(string? Greeting, string? Farewell, string? UnknownPhrase);

/// <param name="Hours">Default weekly hours of professionals without their own; open days only.</param>
/// <param name="Languages">Language codes the assistant answers in, the business's own first.</param>
/// <param name="ExternalId">The business's number in the source system's chat gateway (<c>id_empresa</c> of <c>POST /api/chat</c>).</param>
/// <param name="ChatService">The service the chat gateway books when the customer names none; null: it asks.</param>
/// <param name="WhatsAppTemplates">Approved Twilio Content templates for the messages Turnos starts; null: plain text.</param>
/// <param name="WebChat">The sites that may embed the web chat widget; null: any.</param>
public sealed record BusinessView(
    string Id, string Name, string? Email, string TimeZone, IReadOnlyList<string> WhatsAppNumbers, string? Address, string Currency,
    PolicyView Policy, PersonaView Persona, bool MeetLinks, IReadOnlyDictionary<string, List<string?>?> Hours, IReadOnlyList<string> Languages,
    IReadOnlyList<ServiceView> Services, IReadOnlyList<ProfessionalView> Professionals, IReadOnlyList<BlockView> Blocks,
    WhatsAppTemplatesDocument? WhatsAppTemplates, long? ExternalId, WebChatDocument? WebChat, string? ChatService = null);

/// <param name="Aliases">Other names customers use for it ("haircut", "beard trim").</param>
public sealed record ServiceView(string Id, string Name, int DurationMinutes, decimal Price, string? Description, IReadOnlyList<string> Aliases);

/// <param name="Hours">The professional's own weekly hours; null when they work the business's hours.</param>
/// <param name="Calendar">Their own Google calendar id, whose busy times count too.</param>
/// <param name="WhatsAppNumber">Their own WhatsApp number (E.164), told of each new, cancelled or moved appointment of theirs.</param>
public sealed record ProfessionalView(string Id, string Name, string? Email, IReadOnlyList<string> Services,
    IReadOnlyDictionary<string, List<string?>?>? Hours, string? Calendar, string? WhatsAppNumber);

/// <param name="Professional">Null: the whole business.</param>
/// <param name="From">Local wall time of the business, <c>yyyy-MM-ddTHH:mm</c>.</param>
public sealed record BlockView(string Id, string? Professional, string From, string To, DateTimeOffset FromUtc, DateTimeOffset ToUtc, string? Reason);

internal static class CatalogViews
{
    public static BusinessSummaryView Summary(BusinessSnapshot s) =>
        new(s.Business.Id, s.Business.Name, s.Business.Email, s.Business.TimeZoneId, s.Business.WhatsAppNumbers, s.Business.Currency);

    public static BusinessView Business(BusinessSnapshot s)
    {
        var b = s.Business;
        var p = b.Policy;
        return new BusinessView(b.Id, b.Name, b.Email, b.TimeZoneId, b.WhatsAppNumbers, b.Address, b.Currency,
            new PolicyView(p.SlotIntervalMinutes, p.MinimumNoticeMinutes, p.MaximumHorizonDays, p.BufferBeforeMinutes, p.BufferAfterMinutes,
                p.AllowBookingWithoutEmail, p.RemindersMinutesBefore),
            new PersonaView(b.Persona.BotName, b.Persona.Greeting, b.Persona.Farewell, b.Persona.UnknownPhrase,
                b.Persona.En is { } en ? new PersonaTextsView(en.Greeting, en.Farewell, en.UnknownPhrase) : null),
            b.MeetLinks, CatalogDocuments.FromHours(b.Hours) ?? [], [.. b.Languages.Select(l => l.Code())],
            [.. s.Services.Select(Service)], [.. s.Professionals.Select(Professional)], [.. s.Blocks.Select(b => Block(b, s))],
            CatalogDocuments.FromTemplates(b.Templates), b.ExternalId, CatalogDocuments.FromWebChat(b.WebChat), b.ChatServiceId);
    }

    public static ServiceView Service(Service s) => new(s.Id, s.Name, s.DurationMinutes, s.Price, s.Description, s.Aliases);

    public static ProfessionalView Professional(Professional p) =>
        new(p.Id, p.Name, p.Email, p.ServiceIds, p.UsesBusinessHours ? null : CatalogDocuments.FromHours(p.Hours) ?? [], p.CalendarId,
            p.WhatsAppNumber);

    public static BlockView Block(Block b, BusinessSnapshot s) =>
        new(b.Id, b.ProfessionalId, Local(b.StartUtc, s), Local(b.EndUtc, s), b.StartUtc, b.EndUtc, b.Reason);

    /// <summary>The business's wall time of an instant, as the API reads and writes it.</summary>
    public static string Local(DateTimeOffset utc, BusinessSnapshot s) =>
        LocalTime.ToLocal(utc, s.Business.TimeZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
