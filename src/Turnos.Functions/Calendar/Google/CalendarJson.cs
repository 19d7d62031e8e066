using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>The Calendar v3 JSON Turnos sends and reads: freeBusy query/answer, event bodies, error bodies.</summary>
public static partial class CalendarJson
{
    public const string Primary = "primary";

    /// <summary>Google's rule for client-supplied event ids: base32hex characters (a–v, 0–9), 5 to 1024 of them.</summary>
    [GeneratedRegex("^[a-v0-9]{5,1024}$")]
    public static partial Regex EventIdPattern();

    public static JsonObject FreeBusyQuery(DateTimeOffset fromUtc, DateTimeOffset untilUtc, IEnumerable<string> calendarIds) => new()
    {
        ["timeMin"] = Rfc3339Utc(fromUtc),
        ["timeMax"] = Rfc3339Utc(untilUtc),
        ["items"] = new JsonArray([.. calendarIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]),
    };

    /// <summary>Busy times by calendar id, leaving out calendars Google reported errors for (not shared, not found);
    /// null when the business calendar itself has none.</summary>
    public static BusyTimes? ReadBusy(string json, IReadOnlyList<string> professionalCalendarIds, string? businessCalendarEmail, Action<string, string>? onCalendarError = null)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("calendars", out var calendars)) return null;
        IReadOnlyList<CalendarBusy>? Read(string id)
        {
            if (!calendars.TryGetProperty(id, out var calendar)) return null;
            if (calendar.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                onCalendarError?.Invoke(id, string.Join(", ", errors.EnumerateArray().Select(e => e.TryGetProperty("reason", out var r) ? r.GetString() : "?")));
                return null;
            }
            if (!calendar.TryGetProperty("busy", out var busy)) return [];
            return [.. busy.EnumerateArray().Select(b => new CalendarBusy(
                DateTimeOffset.Parse(b.GetProperty("start").GetString()!, CultureInfo.InvariantCulture).ToUniversalTime(),
                DateTimeOffset.Parse(b.GetProperty("end").GetString()!, CultureInfo.InvariantCulture).ToUniversalTime()))];
        }
        // Google keys the answer by the ids asked for; fall back to the account's email should it resolve "primary".
        var business = Read(Primary) ?? (businessCalendarEmail is null ? null : Read(businessCalendarEmail));
        if (business is null) return null;
        var byCalendar = new Dictionary<string, IReadOnlyList<CalendarBusy>>(StringComparer.Ordinal);
        foreach (var id in professionalCalendarIds)
            if (Read(id) is { } busy) byCalendar[id] = busy;
        return new BusyTimes(business, byCalendar);
    }

    /// <summary>
    /// An event as Turnos keeps it: local start/end in the business's zone, attendees invited, and
    /// <c>transparency: transparent</c> — it shows as "available", so freeBusy never reports Turnos's own
    /// bookings as busy (the business calendar's busy times block every professional).
    /// </summary>
    public static JsonObject Event(CalendarEvent e, bool withId)
    {
        var body = new JsonObject();
        if (withId) body["id"] = e.EventId;
        body["status"] = "confirmed"; // also revives an event cancelled earlier under the same id
        body["summary"] = e.Summary;
        body["description"] = e.Description;
        body["start"] = When(e.StartUtc, e.TimeZoneId);
        body["end"] = When(e.EndUtc, e.TimeZoneId);
        body["attendees"] = new JsonArray([.. e.AttendeeEmails.Select(a => (JsonNode)new JsonObject { ["email"] = a })]);
        body["transparency"] = "transparent";
        if (e.AddMeetLink)
            body["conferenceData"] = new JsonObject
            {
                // The same requestId again is ignored by Google, so a retried patch never makes a second Meet.
                ["createRequest"] = new JsonObject { ["requestId"] = e.EventId, ["conferenceSolutionKey"] = new JsonObject { ["type"] = "hangoutsMeet" } },
            };
        return body;
    }

    /// <summary>Google's error body: <c>{"error":{"code","message","errors":[{"domain","reason","message"}]}}</c>.</summary>
    public static (string? Reason, string? Message) Error(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object) return (null, null);
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            var reason = error.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                && list[0].TryGetProperty("reason", out var r) ? r.GetString() : null;
            return (reason, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static JsonObject When(DateTimeOffset utc, string timeZoneId)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? TimeZoneInfo.ConvertTime(utc, zone) : utc.ToUniversalTime();
        return new JsonObject { ["dateTime"] = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), ["timeZone"] = timeZoneId };
    }

    private static string Rfc3339Utc(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
