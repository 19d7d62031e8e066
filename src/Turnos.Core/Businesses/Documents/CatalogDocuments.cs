using System.Globalization;

namespace Turnos.Core.Businesses.Documents;

/// <summary>The canonical document of a validated snapshot: blocks as UTC instants, and hours on the
/// professionals who have their own (the others inherit the business's), so that validating it again
/// yields the same snapshot.</summary>
public static class CatalogDocuments
{
    public static BusinessDocument FromSnapshot(BusinessSnapshot snapshot)
    {
        var b = snapshot.Business;
        return new BusinessDocument
        {
            Id = b.Id,
            Name = b.Name,
            ExternalId = b.ExternalId,
            ChatService = b.ChatServiceId,
            Email = b.Email,
            TimeZone = b.TimeZoneId,
            WhatsAppNumbers = [.. b.WhatsAppNumbers],
            Address = b.Address,
            Currency = b.Currency,
            Policy = new PolicyDocument
            {
                SlotIntervalMinutes = b.Policy.SlotIntervalMinutes,
                MinimumNoticeMinutes = b.Policy.MinimumNoticeMinutes,
                MaximumHorizonDays = b.Policy.MaximumHorizonDays,
                BufferBeforeMinutes = b.Policy.BufferBeforeMinutes,
                BufferAfterMinutes = b.Policy.BufferAfterMinutes,
                AllowBookingWithoutEmail = b.Policy.AllowBookingWithoutEmail ? true : null,
                RemindersMinutesBefore = b.Policy.RemindersMinutesBefore.SequenceEqual(BookingPolicy.DefaultReminders)
                    ? null : [.. b.Policy.RemindersMinutesBefore.Select(m => (int?)m)],
            },
            Persona = b.Persona == Persona.Default ? null : new PersonaDocument
            {
                BotName = b.Persona.BotName,
                Greeting = b.Persona.Greeting,
                Farewell = b.Persona.Farewell,
                UnknownPhrase = b.Persona.UnknownPhrase,
                En = b.Persona.En is not { } en ? null : new PersonaTextsDocument
                {
                    Greeting = en.Greeting,
                    Farewell = en.Farewell,
                    UnknownPhrase = en.UnknownPhrase,
                },
            },
            MeetLinks = b.MeetLinks ? true : null,
            Hours = FromHours(b.Hours),
            Languages = b.Languages.SequenceEqual(LanguageCodes.Default) ? null : [.. b.Languages.Select(l => l.Code())],
            WhatsAppTemplates = FromTemplates(b.Templates),
            WebChat = FromWebChat(b.WebChat),
            Services = [.. snapshot.Services.Select(FromService)],
            Professionals = [.. snapshot.Professionals.Select(FromProfessional)],
            Blocks = [.. snapshot.Blocks.Select(FromBlock)],
        };
    }

    public static WhatsAppTemplatesDocument? FromTemplates(WhatsAppTemplates t) => t.Reminder is not { } reminder ? null : new()
    {
        Reminder = new TemplateDocument
        {
            ContentSid = reminder.ContentSid,
            Variables = reminder.Variables.ToDictionary(v => v.Key, v => (string?)TemplateFields.Name(v.Field)),
        },
    };

    /// <summary>Null for the default (any site), so a document that never named it keeps not naming it.</summary>
    public static WebChatDocument? FromWebChat(WebChat w) => w.AllowedOrigins is not { } origins ? null : new() { AllowedOrigins = [.. origins] };

    public static ServiceDocument FromService(Service s) => new()
    {
        Id = s.Id,
        Name = s.Name,
        DurationMinutes = s.DurationMinutes,
        Price = s.Price,
        Description = s.Description,
        Aliases = s.Aliases.Count == 0 ? null : [.. s.Aliases],
    };

    public static ProfessionalDocument FromProfessional(Professional p) => new()
    {
        Id = p.Id,
        Name = p.Name,
        Email = p.Email,
        Services = [.. p.ServiceIds],
        Calendar = p.CalendarId,
        WhatsAppNumber = p.WhatsAppNumber,
        Hours = p.UsesBusinessHours ? null : FromHours(p.Hours) ?? [],
    };

    /// <summary>Open days only, monday first; null when every day is closed.</summary>
    public static Dictionary<string, List<string?>?>? FromHours(WeeklyHours hours)
    {
        var days = Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7).Where(d => !hours.IsClosed(d))
            .ToDictionary(d => d.ToString().ToLowerInvariant(), d => (List<string?>?)[.. hours.For(d).Select(r => r.ToString())]);
        return days.Count == 0 ? null : days;
    }

    public static BlockDocument FromBlock(Block b) => new()
    {
        Id = b.Id,
        Professional = b.ProfessionalId,
        From = b.StartUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        To = b.EndUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        Reason = b.Reason,
    };
}
