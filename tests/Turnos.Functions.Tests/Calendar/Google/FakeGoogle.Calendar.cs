using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

internal sealed partial class FakeGoogle
{
    private readonly ConcurrentDictionary<(string Account, string Id), JsonObject> _events = new();

    /// <summary>Busy blocks per calendar id (an account's email is its primary calendar), besides opaque events.</summary>
    public ConcurrentDictionary<string, List<(DateTimeOffset Start, DateTimeOffset End)>> Busy { get; } = new();

    /// <summary>Calendars the connected account cannot see (freeBusy reports notFound for them).</summary>
    public HashSet<string> HiddenCalendars { get; } = [];

    public JsonObject? EventOf(string account, string id) => _events.TryGetValue((account, id), out var e) ? e : null;

    private async Task CalendarAsync(HttpContext context, string path)
    {
        var account = AccountOf(context);
        JsonObject? body = null;
        if (context.Request.ContentLength > 0 || context.Request.ContentType is not null)
            body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        Calls.Enqueue(new GoogleCall(context.Request.Method, path, context.Request.QueryString.Value ?? "", account, body));
        if (account is null)
        {
            await ApiError(context, 401, "authError", "Invalid Credentials");
            return;
        }
        var method = context.Request.Method;
        var events = Regex.Match(path, "^calendars/([^/]+)/events(?:/([^/]+))?$");
        if (method == "POST" && path == "freeBusy") await FreeBusyAsync(context, account, body!);
        else if (!events.Success) await Reject(context, 404, "notFound", $"unexpected {method} {path}");
        else if (events.Groups[1].Value != "primary") await Reject(context, 403, "forbidden", "Turnos writes only to the primary calendar");
        else if (method == "POST" && !events.Groups[2].Success) await InsertAsync(context, account, body!);
        else if (method == "PATCH" && events.Groups[2].Success) await PatchAsync(context, account, events.Groups[2].Value, body!);
        else if (method == "DELETE" && events.Groups[2].Success) await DeleteAsync(context, account, events.Groups[2].Value);
        else await Reject(context, 405, "notSupported", $"unexpected {method} {path}");
    }

    private Task FreeBusyAsync(HttpContext context, string account, JsonObject query)
    {
        var min = DateTimeOffset.Parse(query["timeMin"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var max = DateTimeOffset.Parse(query["timeMax"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        if (min >= max) return Reject(context, 400, "timeRangeEmpty", "The specified time range is empty.");
        var calendars = new JsonObject();
        foreach (var item in query["items"]!.AsArray())
        {
            var id = item!["id"]!.GetValue<string>();
            var calendar = id == "primary" ? account : id;
            if (HiddenCalendars.Contains(calendar))
            {
                calendars[id] = new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["domain"] = "global", ["reason"] = "notFound" }), ["busy"] = new JsonArray() };
                continue;
            }
            var blocks = Busy.GetValueOrDefault(calendar, []).ToList();
            // Only events that block time: "transparent" ones show as available, as in Google Calendar.
            blocks.AddRange(_events.Where(e => e.Key.Account == calendar && e.Value["status"]?.GetValue<string>() != "cancelled"
                    && e.Value["transparency"]?.GetValue<string>() != "transparent")
                .Select(e => (Time(e.Value["start"]!), Time(e.Value["end"]!))));
            calendars[id] = new JsonObject
            {
                ["busy"] = new JsonArray([.. blocks.Where(b => b.Item1 < max && b.Item2 > min).OrderBy(b => b.Item1)
                    .Select(b => (JsonNode)new JsonObject { ["start"] = Utc(b.Item1), ["end"] = Utc(b.Item2) })]),
            };
        }
        return context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["kind"] = "calendar#freeBusy", ["timeMin"] = Utc(min), ["timeMax"] = Utc(max), ["calendars"] = calendars,
        });
    }

    private Task InsertAsync(HttpContext context, string account, JsonObject e)
    {
        var id = e["id"]?.GetValue<string>() ?? Next("auto");
        if (!Regex.IsMatch(id, "^[a-v0-9]{5,1024}$")) return Reject(context, 400, "invalid", "Invalid resource id value.");
        if (WriteProblem(context, e, requireTimes: true) is { } problem) return Reject(context, 400, "required", problem);
        if (_events.ContainsKey((account, id))) return ApiError(context, 409, "duplicate", "The requested identifier already exists.");
        var stored = (JsonObject)e.DeepClone();
        stored["id"] = id;
        stored["status"] ??= "confirmed";
        stored["organizer"] = new JsonObject { ["email"] = account, ["self"] = true };
        AddMeet(stored);
        _events[(account, id)] = stored;
        return context.Response.WriteAsJsonAsync(stored);
    }

    private Task PatchAsync(HttpContext context, string account, string id, JsonObject patch)
    {
        if (!_events.TryGetValue((account, id), out var stored)) return ApiError(context, 404, "notFound", "Not Found");
        if (WriteProblem(context, patch, requireTimes: false) is { } problem) return Reject(context, 400, "invalid", problem);
        foreach (var (key, value) in patch) stored[key] = value?.DeepClone();
        AddMeet(stored);
        return context.Response.WriteAsJsonAsync(stored);
    }

    private Task DeleteAsync(HttpContext context, string account, string id)
    {
        if (context.Request.Query["sendUpdates"] != "all") Violations.Enqueue("delete without sendUpdates=all: attendees are not told");
        if (!_events.TryGetValue((account, id), out var stored)) return ApiError(context, 404, "notFound", "Not Found");
        if (stored["status"]?.GetValue<string>() == "cancelled") return ApiError(context, 410, "deleted", "Resource has been deleted");
        stored["status"] = "cancelled";
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static string? WriteProblem(HttpContext context, JsonObject e, bool requireTimes)
    {
        if (context.Request.Query["sendUpdates"] != "all") return "sendUpdates=all is expected: attendees must get invites";
        if (e["conferenceData"]?["createRequest"] is not null && context.Request.Query["conferenceDataVersion"] != "1")
            return "conferenceData needs conferenceDataVersion=1";
        foreach (var end in new[] { "start", "end" })
        {
            if (e[end] is not JsonObject when) { if (requireTimes) return $"Missing {end} time."; continue; }
            if (when["dateTime"] is null || when["timeZone"] is null) return $"{end} needs dateTime and timeZone";
        }
        return null;
    }

    private static void AddMeet(JsonObject stored)
    {
        if (stored["conferenceData"]?["createRequest"]?["conferenceSolutionKey"]?["type"]?.GetValue<string>() == "hangoutsMeet")
            stored["hangoutLink"] ??= "https://meet.google.com/abc-defg-hij";
    }

    private static DateTimeOffset Time(JsonNode when) => DateTimeOffset.Parse(when["dateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
