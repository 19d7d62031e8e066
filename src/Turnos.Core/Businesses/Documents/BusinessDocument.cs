namespace Turnos.Core.Businesses.Documents;

// The documented JSON shape of a business's catalog: used by seed files and, one piece per row, by
// the catalog table. Everything is nullable because it comes from people; CatalogValidator decides.

public sealed class CatalogFile
{
    public List<BusinessDocument?>? Businesses { get; set; }
}

public sealed class BusinessDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    /// <summary>The business's number in the source system's chat gateway (<c>id_empresa</c>); optional, unique.</summary>
    public long? ExternalId { get; set; }

    /// <summary>The id of the service the chat gateway books when the customer names none ("una reunión"); optional.</summary>
    public string? ChatService { get; set; }

    /// <summary>The business's contact address for the platform (optional).</summary>
    public string? Email { get; set; }

    public string? TimeZone { get; set; }
    public List<string?>? WhatsAppNumbers { get; set; }
    public string? Address { get; set; }
    public string? Currency { get; set; }
    public PolicyDocument? Policy { get; set; }
    public PersonaDocument? Persona { get; set; }

    /// <summary>Add a Google Meet link to calendar events.</summary>
    public bool? MeetLinks { get; set; }

    /// <summary>Default weekly hours for professionals that do not set their own.</summary>
    public Dictionary<string, List<string?>?>? Hours { get; set; }

    /// <summary>Language codes the assistant answers in ("es", "en"); the first is the business's own. Default: es, en.</summary>
    public List<string?>? Languages { get; set; }

    /// <summary>Approved Twilio Content templates for the messages Turnos starts; absent: plain text.</summary>
    public WhatsAppTemplatesDocument? WhatsAppTemplates { get; set; }

    /// <summary>The web chat widget's settings; absent: any site may embed it.</summary>
    public WebChatDocument? WebChat { get; set; }

    public List<ServiceDocument?>? Services { get; set; }
    public List<ProfessionalDocument?>? Professionals { get; set; }
    public List<BlockDocument?>? Blocks { get; set; }
}

public sealed class PolicyDocument
{
    public int? SlotIntervalMinutes { get; set; }
    public int? MinimumNoticeMinutes { get; set; }
    public int? MaximumHorizonDays { get; set; }
    public int? BufferBeforeMinutes { get; set; }
    public int? BufferAfterMinutes { get; set; }
    public bool? AllowBookingWithoutEmail { get; set; }

    /// <summary>Minutes before an appointment's start when the customer is reminded (at most 5, distinct, positive);
    /// absent: a day and two hours before; empty: no reminders.</summary>
    public List<int?>? RemindersMinutesBefore { get; set; }
}

/// <summary>The assistant's voice; every field optional. Greeting and farewell may say {negocio} and {bot}.</summary>
public sealed class PersonaDocument
{
    public string? BotName { get; set; }
    public string? Greeting { get; set; }
    public string? Farewell { get; set; }
    public string? UnknownPhrase { get; set; }

    /// <summary>The same texts in English (the bot's name stays); they may say {business} and {bot}.</summary>
    public PersonaTextsDocument? En { get; set; }
}

public sealed class PersonaTextsDocument
{
    public string? Greeting { get; set; }
    public string? Farewell { get; set; }
    public string? UnknownPhrase { get; set; }
}

/// <summary>The web chat widget: the sites ("https://www.example.com") that may embed it. Absent: any; empty: none.</summary>
public sealed class WebChatDocument
{
    public List<string?>? AllowedOrigins { get; set; }
}

public sealed class WhatsAppTemplatesDocument
{
    public TemplateDocument? Reminder { get; set; }
}

/// <summary>A Twilio Content template: its sid (HX…) and what fills each variable ("1": "customerName", …).</summary>
public sealed class TemplateDocument
{
    public string? ContentSid { get; set; }
    public Dictionary<string, string?>? Variables { get; set; }
}

public sealed class ServiceDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public int? DurationMinutes { get; set; }
    public decimal? Price { get; set; }
    public string? Description { get; set; }

    /// <summary>Other names customers use for it ("haircut", "beard trim"); no two services share one.</summary>
    public List<string?>? Aliases { get; set; }
}

public sealed class ProfessionalDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public List<string?>? Services { get; set; }
    public Dictionary<string, List<string?>?>? Hours { get; set; }

    /// <summary>The professional's own Google calendar id (usually their email); its busy times count too.</summary>
    public string? Calendar { get; set; }

    /// <summary>The professional's own WhatsApp number (E.164), told of each new, cancelled or moved appointment of theirs.</summary>
    public string? WhatsAppNumber { get; set; }
}

/// <summary>
/// Either <see cref="Date"/> (a whole local day) or <see cref="From"/>/<see cref="To"/>. Times without an
/// offset are the business's local time; with an offset or "Z" they are absolute.
/// </summary>
public sealed class BlockDocument
{
    public string? Id { get; set; }
    public string? Professional { get; set; }
    public string? Date { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Reason { get; set; }
}
