using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>
/// Calendar v3 over REST with the business's own access token: free/busy of the business calendar and the
/// professionals' calendars, and Turnos's events in the business's primary calendar (client-supplied ids, invites
/// sent to attendees). Each call has <see cref="GoogleOptions.RequestTimeoutSeconds"/> in all, token refresh included.
/// </summary>
public sealed partial class GoogleCalendarClient(
    IHttpClientFactory httpClients, GoogleAccess access, CalendarConnections connections, IOptions<GoogleOptions> options,
    TurnosMetrics metrics, ILogger<GoogleCalendarClient> logger) : IGoogleCalendar
{
    public const string HttpClientName = "GoogleCalendar";
    private const string EventsPath = "calendars/" + CalendarJson.Primary + "/events";
    private const string WriteQuery = "?sendUpdates=all&conferenceDataVersion=1";

    private GoogleOptions Options => options.Value;

    public async Task<BusyTimes?> GetBusyAsync(string businessId, IReadOnlyList<string> professionalCalendarIds,
        DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken ct)
    {
        var ids = professionalCalendarIds.Where(id => !string.IsNullOrWhiteSpace(id) && id != CalendarJson.Primary).Distinct(StringComparer.Ordinal).ToList();
        var reply = await SendAsync(businessId, HttpMethod.Post, "freeBusy", CalendarJson.FreeBusyQuery(fromUtc, untilUtc, [CalendarJson.Primary, .. ids]), ct);
        if (await OutcomeAsync(businessId, "freeBusy", reply, ct) is { Outcome: not CalendarCallOutcome.Done }) return null;
        try
        {
            // A professional's calendar id is usually their address: the log gets a hint of it, not the address.
            return CalendarJson.ReadBusy(reply.Body, ids, reply.Connection.CalendarEmail,
                (calendar, reasons) => LogCalendarError(businessId, LogRedaction.Email(calendar), reasons));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            LogCallException(e, businessId);
            return null;
        }
    }

    public async Task<CalendarCallResult> UpsertEventAsync(string businessId, CalendarEvent calendarEvent, CancellationToken ct)
    {
        if (!CalendarJson.EventIdPattern().IsMatch(calendarEvent.EventId))
            return new(CalendarCallOutcome.Failed, $"Event id '{calendarEvent.EventId}' is not 5–1024 base32hex characters (a–v, 0–9).");
        var insert = await SendAsync(businessId, HttpMethod.Post, EventsPath + WriteQuery, CalendarJson.Event(calendarEvent, withId: true), ct);
        if (insert.Status != HttpStatusCode.Conflict) return await OutcomeAsync(businessId, "events.insert", insert, ct);
        // 409: the id exists (an earlier try got through, or the booking changed): bring that event up to date.
        var patch = await SendAsync(businessId, HttpMethod.Patch, $"{EventsPath}/{calendarEvent.EventId}{WriteQuery}", CalendarJson.Event(calendarEvent, withId: false), ct);
        return await OutcomeAsync(businessId, "events.patch", patch, ct);
    }

    public async Task<CalendarCallResult> CancelEventAsync(string businessId, string eventId, CancellationToken ct)
    {
        if (!CalendarJson.EventIdPattern().IsMatch(eventId)) return CalendarCallResult.Ok; // Turnos never created such an event
        var reply = await SendAsync(businessId, HttpMethod.Delete, $"{EventsPath}/{eventId}?sendUpdates=all", null, ct);
        return reply.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone ? Counted("events.delete", CalendarCallResult.Ok) : await OutcomeAsync(businessId, "events.delete", reply, ct);
    }

    /// <summary>What Google answered, or (in <see cref="Reply.Stopped"/>) why no answer counts.</summary>
    private sealed record Reply(CalendarCallResult? Stopped, HttpStatusCode Status, string Body, CalendarConnection Connection);

    private async Task<Reply> SendAsync(string businessId, HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Options.RequestTimeout);
        var connection = CalendarConnection.None;
        try
        {
            connection = await connections.GetAsync(businessId, budget.Token);
            if (!connection.Connected) return Stop(CalendarCallOutcome.NotConnected, "The business has not connected its Google Calendar.");
            var client = httpClients.CreateClient(HttpClientName);
            string? rejected = null;
            while (true)
            {
                var grant = await access.GetAsync(businessId, connection, rejected, budget.Token);
                if (grant.Token is not { } token) return new Reply(grant.Result, 0, "", connection);
                using var request = new HttpRequestMessage(method, new Uri(Options.CalendarApiBase, path));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (body is not null) request.Content = JsonContent.Create(body);
                using var response = await client.SendAsync(request, budget.Token);
                var text = await response.Content.ReadAsStringAsync(budget.Token);
                if (response.StatusCode != HttpStatusCode.Unauthorized) return new Reply(null, response.StatusCode, text, connection);
                if (rejected is not null)
                {
                    const string reason = "Google refused a freshly refreshed access token (401). Connect the calendar again.";
                    await access.DisconnectAsync(businessId, connection, reason, ct);
                    return Stop(CalendarCallOutcome.NotConnected, reason);
                }
                rejected = token; // revoked or expired early: refresh once and try again
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Stop(CalendarCallOutcome.Transient, $"Google did not answer within {Options.RequestTimeoutSeconds} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage, vault or network trouble: never let the calendar break a booking; the calendar orchestration retries.
            LogCallException(e, businessId);
            return Stop(CalendarCallOutcome.Transient, $"Calling Google failed: {e.GetType().Name}.");
        }

        Reply Stop(CalendarCallOutcome outcome, string error) => new(new CalendarCallResult(outcome, error), 0, "", connection);
    }

    private async Task<CalendarCallResult> OutcomeAsync(string businessId, string what, Reply reply, CancellationToken ct) =>
        Counted(what, await JudgeAsync(businessId, what, reply, ct));

    private CalendarCallResult Counted(string operation, CalendarCallResult result)
    {
        metrics.CalendarCall(operation, result.Outcome);
        return result;
    }

    /// <summary>429, 5xx and Google's rate-limit 403s are worth retrying; other answers are final. A final failure is
    /// kept for the admin status, and cleared by the next success.</summary>
    private async Task<CalendarCallResult> JudgeAsync(string businessId, string what, Reply reply, CancellationToken ct)
    {
        if (reply.Stopped is { } stopped) return stopped;
        if ((int)reply.Status is >= 200 and < 300)
        {
            if (reply.Connection.LastError is not null) await RecordAsync(null);
            return CalendarCallResult.Ok;
        }
        var (reason, message) = CalendarJson.Error(reply.Body);
        var error = $"{what}: HTTP {(int)reply.Status} {reason ?? ""} {message ?? ""}".TrimEnd();
        if ((int)reply.Status is 429 or >= 500 || reason is "rateLimitExceeded" or "userRateLimitExceeded" or "quotaExceeded")
            return new(CalendarCallOutcome.Transient, error);
        await RecordAsync(error);
        return new(CalendarCallOutcome.Failed, error);

        async Task RecordAsync(string? lastError)
        {
            try { await connections.RecordErrorAsync(businessId, lastError, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { LogCallException(e, businessId); } // the status line is not worth failing the call
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google freeBusy for {BusinessId} left out calendar {CalendarId}: {Reasons}")]
    private partial void LogCalendarError(string businessId, string calendarId, string reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google Calendar call for {BusinessId} failed")]
    private partial void LogCallException(Exception exception, string businessId);
}
