using System.Globalization;
using System.Text.Json;
using Turnos.Core;
using Turnos.Core.Businesses.Documents;
using Turnos.Core.Conversations;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// Turns the model's JSON into an <see cref="Understanding"/>, trusting nothing: ids must be in the catalog,
/// dates and times must exist, names and emails pass the same rules as typed ones. A value that fails is
/// dropped, not the whole answer, so one bad field does not lose the rest.
/// </summary>
internal static class ModelAnswerReader
{
    /// <summary>Dates further than this from today are a misreading (a wrong year), not a wish.</summary>
    private const int PlausibleDays = 2 * 366;

    private const int MaxChoice = 50;

    /// <summary>Null when the content is not a JSON object: the caller falls back to the rules.</summary>
    /// <param name="photos">Whether photos went with the message (then the answer says what they show).</param>
    public static Understanding? Read(string content, UnderstandingContext context, bool photos = false)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(content); }
        catch (JsonException) { return null; }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var business = context.Business;
            var today = DateOnly.FromDateTime(context.LocalNow);
            var (name, nameProblem) = ReadName(String(root, "name"));
            var (email, emailProblem) = ReadEmail(String(root, "email"));
            var service = CatalogId(String(root, "service_id"), business.Services.Select(s => (s.Id, s.Name)));
            return new Understanding
            {
                Intent = ReadIntent(String(root, "intent")),
                Date = ReadDate(String(root, "date"), today),
                Time = ReadTime(String(root, "time")),
                TimeRange = ReadRange(String(root, "time_from"), String(root, "time_to")),
                ServiceId = service,
                ServiceIds = ReadVisit(root, service, business),
                ProfessionalId = CatalogId(String(root, "professional_id"), business.Professionals.Select(p => (p.Id, p.Name))),
                AnyProfessional = root.TryGetProperty("any_professional", out var any) && any.ValueKind == JsonValueKind.True,
                Name = name,
                NameProblem = nameProblem,
                Email = email,
                EmailProblem = emailProblem,
                Choice = ReadChoice(root),
                BusinessCode = ReadBusinessCode(String(root, "business_code")),
                Attachments = context.Attachments,
                PhotoSummary = photos ? PhotoSummaries.Read(String(root, "photo_summary")) : null,
                Source = UnderstandingSource.LanguageModel,
            };
        }
    }

    /// <summary>The visit's services when the model named more than one (unknown or repeated ids dropped); empty otherwise.</summary>
    private static IReadOnlyList<string> ReadVisit(JsonElement root, string? first, Turnos.Core.Businesses.BusinessSnapshot business)
    {
        if (first is null || !root.TryGetProperty("more_service_ids", out var more) || more.ValueKind != JsonValueKind.Array) return ValueList.Of<string>([]);
        var ids = new List<string> { first };
        foreach (var item in more.EnumerateArray())
            if (item.ValueKind == JsonValueKind.String && CatalogId(item.GetString(), business.Services.Select(s => (s.Id, s.Name))) is { } id && !ids.Contains(id))
                ids.Add(id);
        return ValueList.Of(ids.Count > 1 ? ids : []);
    }

    internal static Intent ReadIntent(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "book" => Intent.Book,
        "availability" => Intent.Availability,
        "price" => Intent.Price,
        "cancel" => Intent.Cancel,
        "reschedule" => Intent.Reschedule,
        "confirm_yes" => Intent.ConfirmYes,
        "confirm_no" => Intent.ConfirmNo,
        "greet" => Intent.Greet,
        "thanks" => Intent.Thanks,
        "human" => Intent.Human,
        "hours" => Intent.Hours,
        _ => Intent.Other,
    };

    private static DateOnly? ReadDate(string? value, DateOnly today) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && Math.Abs(date.DayNumber - today.DayNumber) <= PlausibleDays
            ? date
            : null;

    private static TimeOnly? ReadTime(string? value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static TimeWindow? ReadRange(string? from, string? to)
    {
        // "24:00" is how people and models end an evening; TimeOnly cannot hold it.
        var end = to?.Trim() is "24:00" ? TimeOnly.MaxValue : ReadTime(to);
        return ReadTime(from) is { } start && end is { } stop && start < stop ? new TimeWindow(start, stop) : null;
    }

    /// <summary>The catalog's id for an id, or for an exact name when a model answers with the name.</summary>
    private static string? CatalogId(string? value, IEnumerable<(string Id, string Name)> catalog)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var wanted = value.Trim();
        foreach (var (id, name) in catalog)
        {
            if (string.Equals(id, wanted, StringComparison.OrdinalIgnoreCase)
                || string.Compare(name, wanted, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0)
                return id;
        }
        return null;
    }

    private static (string?, NameProblem?) ReadName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        return CustomerData.TryNormalizeName(value, out var name, out var problem) ? (name, null) : (null, problem);
    }

    private static (string?, EmailProblem?) ReadEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        return CustomerData.TryNormalizeEmail(value, out var email, out var problem) ? (email, null) : (null, problem);
    }

    private static int? ReadChoice(JsonElement root) =>
        root.TryGetProperty("choice", out var choice) && choice.ValueKind == JsonValueKind.Number
        && choice.TryGetInt32(out var n) && n is (>= 1 and <= MaxChoice) or (<= -1 and >= -MaxChoice)
            ? n
            : null;

    private static string? ReadBusinessCode(string? value)
    {
        var code = value?.Trim().ToLowerInvariant();
        return code is { Length: > 0 } && CatalogValidator.IdPattern().IsMatch(code) ? code : null;
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
