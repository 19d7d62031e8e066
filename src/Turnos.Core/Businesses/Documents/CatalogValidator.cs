using System.Text.RegularExpressions;

namespace Turnos.Core.Businesses.Documents;

/// <summary>
/// Turns a business document into a <see cref="BusinessSnapshot"/>, collecting every problem with the
/// path of the field at fault instead of stopping at the first.
/// </summary>
public static partial class CatalogValidator
{
    /// <summary>JavaScript\'s largest safe integer: a gateway written in any language reads it exactly.</summary>
    public const long MaxExternalId = 9_007_199_254_740_991;

    /// <summary>Longest service plus buffers: a booking's locks (one per 5 minutes) and its summary row
    /// must fit in one 100-operation entity-group transaction.</summary>
    public const int MaxHeldMinutes = 495;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex IdPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    public static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    public static CatalogValidation Validate(BusinessDocument doc, string path)
    {
        var errors = new List<CatalogError>();
        var id = RequireId(doc.Id, $"{path}.id", errors);
        var name = Require(doc.Name, $"{path}.name", errors);
        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(doc.TimeZone)) errors.Add(new($"{path}.timeZone", "is required (an IANA zone such as America/Argentina/Buenos_Aires)"));
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(doc.TimeZone, out zone))
            errors.Add(new($"{path}.timeZone", $"'{doc.TimeZone}' is not a known IANA time zone"));

        var numbers = new List<string>();
        for (var i = 0; i < (doc.WhatsAppNumbers?.Count ?? 0); i++)
        {
            var n = doc.WhatsAppNumbers![i]?.Trim();
            if (n is null || !PhonePattern().IsMatch(n)) errors.Add(new($"{path}.whatsAppNumbers[{i}]", $"'{n}' is not an E.164 number like +14155238886"));
            else if (numbers.Contains(n)) errors.Add(new($"{path}.whatsAppNumbers[{i}]", $"{n} is listed twice"));
            else numbers.Add(n);
        }
        if (doc.ExternalId is < 1 or > MaxExternalId)
            errors.Add(new($"{path}.externalId", $"must be a positive whole number up to {MaxExternalId}, not {doc.ExternalId}"));
        var email = doc.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !EmailPattern().IsMatch(email)) errors.Add(new($"{path}.email", $"'{email}' is not an email address"));
        var currency = doc.Currency?.Trim() ?? "";
        if (!CurrencyPattern().IsMatch(currency)) errors.Add(new($"{path}.currency", $"'{doc.Currency}' is not an ISO 4217 code like ARS"));

        var policy = ValidatePolicy(doc.Policy ?? new PolicyDocument(), $"{path}.policy", errors);
        var buffers = policy.BufferBeforeMinutes + policy.BufferAfterMinutes;
        var defaultHours = doc.Hours is null ? WeeklyHours.Closed : HoursParser.Parse(doc.Hours, buffers, $"{path}.hours", errors);
        var services = ValidateServices(doc.Services, policy, $"{path}.services", errors);
        CheckSharedAliases(doc.Services, services, $"{path}.services", errors);
        var languages = ValidateLanguages(doc.Languages, $"{path}.languages", errors);
        var professionals = ValidateProfessionals(doc.Professionals, services, defaultHours, buffers, $"{path}.professionals", errors);
        var blocks = zone is null ? [] : BlockParser.Parse(doc.Blocks, zone, professionals, $"{path}.blocks", errors);
        var chatService = string.IsNullOrWhiteSpace(doc.ChatService) ? null : doc.ChatService.Trim();
        if (chatService is not null && services.All(s => s.Id != chatService))
            errors.Add(new($"{path}.chatService", $"'{chatService}' is not a service of this business"));

        if (errors.Count > 0 || zone is null) return new(null, errors);
        var business = new Business(id!, name!, doc.TimeZone!, numbers, doc.Address?.Trim(), policy, currency)
        {
            Persona = ValidatePersona(doc.Persona, $"{path}.persona", errors),
            MeetLinks = doc.MeetLinks ?? false,
            Email = string.IsNullOrEmpty(email) ? null : email,
            Hours = defaultHours,
            Languages = languages,
            ExternalId = doc.ExternalId,
            ChatServiceId = chatService,
            Templates = ValidateTemplates(doc.WhatsAppTemplates, $"{path}.whatsAppTemplates", errors),
            WebChat = ValidateWebChat(doc.WebChat, $"{path}.webChat", errors),
        };
        if (errors.Count > 0) return new(null, errors);
        return new(new BusinessSnapshot(business, services, professionals, blocks), errors);
    }

    private static List<Service> ValidateServices(List<ServiceDocument?>? docs, BookingPolicy policy, string path, List<CatalogError> errors)
    {
        var services = new List<Service>();
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            var s = docs![i];
            var at = $"{path}[{i}]{Label(s?.Id)}";
            if (s is null) { errors.Add(new(at, "is empty")); continue; }
            var id = RequireId(s.Id, $"{at}.id", errors);
            var name = Require(s.Name, $"{at}.name", errors);
            var duration = s.DurationMinutes ?? 0;
            if (duration is < 5 or > 480 || duration % 5 != 0)
                errors.Add(new($"{at}.durationMinutes", "must be a multiple of 5 between 5 and 480"));
            else if (duration + policy.BufferBeforeMinutes + policy.BufferAfterMinutes > MaxHeldMinutes)
                errors.Add(new($"{at}.durationMinutes", $"with the policy's buffers it exceeds {MaxHeldMinutes} minutes"));
            if (s.Price is null or < 0) errors.Add(new($"{at}.price", "is required and cannot be negative"));
            if (id is not null && services.Any(x => x.Id == id)) errors.Add(new($"{at}.id", $"'{id}' is used by another service"));
            var aliases = ValidateAliases(s.Aliases, $"{at}.aliases", errors);
            if (id is not null && name is not null)
                services.Add(new Service(id, name, duration, s.Price ?? 0, s.Description?.Trim()) { Aliases = aliases });
        }
        return services;
    }

    private static List<Professional> ValidateProfessionals(List<ProfessionalDocument?>? docs, List<Service> services,
        WeeklyHours defaultHours, int buffers, string path, List<CatalogError> errors)
    {
        var professionals = new List<Professional>();
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            var p = docs![i];
            var at = $"{path}[{i}]{Label(p?.Id)}";
            if (p is null) { errors.Add(new(at, "is empty")); continue; }
            var id = RequireId(p.Id, $"{at}.id", errors);
            var name = Require(p.Name, $"{at}.name", errors);
            var email = p.Email?.Trim();
            if (!string.IsNullOrEmpty(email) && !EmailPattern().IsMatch(email)) errors.Add(new($"{at}.email", $"'{email}' is not an email address"));
            var serviceIds = new List<string>();
            for (var j = 0; j < (p.Services?.Count ?? 0); j++)
            {
                var sid = p.Services![j];
                if (sid is null || services.All(s => s.Id != sid)) errors.Add(new($"{at}.services[{j}]", $"'{sid}' is not a service of this business"));
                else if (!serviceIds.Contains(sid)) serviceIds.Add(sid);
            }
            var hours = p.Hours is null ? defaultHours : HoursParser.Parse(p.Hours, buffers, $"{at}.hours", errors);
            if (id is not null && professionals.Any(x => x.Id == id)) errors.Add(new($"{at}.id", $"'{id}' is used by another professional"));
            var calendar = p.Calendar?.Trim();
            if (!string.IsNullOrEmpty(calendar) && (calendar.Length > 254 || !EmailPattern().IsMatch(calendar)))
                errors.Add(new($"{at}.calendar", $"'{calendar}' is not a Google calendar id (an email-like address)"));
            var whatsApp = p.WhatsAppNumber?.Trim();
            if (!string.IsNullOrEmpty(whatsApp) && !PhonePattern().IsMatch(whatsApp))
                errors.Add(new($"{at}.whatsAppNumber", $"'{whatsApp}' is not an E.164 number like +5491155551234"));
            if (id is not null && name is not null)
                professionals.Add(new Professional(id, name, string.IsNullOrEmpty(email) ? null : email, hours, serviceIds)
                {
                    CalendarId = string.IsNullOrEmpty(calendar) ? null : calendar,
                    WhatsAppNumber = string.IsNullOrEmpty(whatsApp) ? null : whatsApp,
                    UsesBusinessHours = p.Hours is null,
                });
        }
        return professionals;
    }

    internal static string Label(string? id) => string.IsNullOrWhiteSpace(id) ? "" : $" ({id})";

    internal static string? Require(string? value, string path, List<CatalogError> errors)
    {
        if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
        errors.Add(new(path, "is required"));
        return null;
    }

    internal static string? RequireId(string? value, string path, List<CatalogError> errors)
    {
        if (value is not null && IdPattern().IsMatch(value)) return value;
        errors.Add(new(path, value is null ? "is required" : $"'{value}' is not a valid id (lowercase letters, digits and '-', up to 40)"));
        return null;
    }
}
