using Microsoft.Extensions.Options;
using Turnos.Functions.Admin;
using Turnos.Functions.Businesses;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>
/// Admin (API keys, scoped to the business): <c>POST /api/admin/businesses/{id}/calendar/connect</c> (a connect link), <c>GET …/calendar</c> (status,
/// with a fresh link when a reconnect is needed), <c>DELETE …/calendar</c> (revoke and forget). Public: the
/// shareable link (<c>GET /api/oauth/google/start</c>) and Google's redirect (<c>GET /api/oauth/google/callback</c>).
/// </summary>
public static class CalendarHandlers
{
    private const string NotConfiguredDetail = "Google Calendar is not configured: set Google:ClientId and Google:ClientSecret.";

    internal static async Task<IResult> ConnectAsync(string businessId, HttpContext http, CatalogStore catalog,
        CalendarConnections connections, IOptions<GoogleOptions> google, CancellationToken ct)
    {
        if (!google.Value.Enabled) return Results.Problem(title: "Google Calendar is not configured", detail: NotConfiguredDetail, statusCode: StatusCodes.Status503ServiceUnavailable);
        if (await catalog.GetSnapshotAsync(businessId, ct) is null) return UnknownBusiness(businessId);
        var invite = await Connector(http).InviteAsync(businessId, PublicOrigin(http), ct);
        var connection = await connections.GetAsync(businessId, ct);
        return Results.Ok(new
        {
            authorizationUrl = invite.AuthorizationUrl,
            shareableLink = invite.ShareableLink,
            expiresAt = invite.ExpiresUtc,
            connected = connection.Connected,
        });
    }

    internal static async Task<IResult> StatusAsync(string businessId, HttpContext http, CatalogStore catalog,
        CalendarConnections connections, CalendarOutbox outbox, IOptions<GoogleOptions> google, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is null) return UnknownBusiness(businessId);
        var c = await connections.GetAsync(businessId, ct);
        var configured = google.Value.Enabled;
        var reconnect = configured && c.NeedsReconnect ? await Connector(http).InviteAsync(businessId, PublicOrigin(http), ct) : null;
        return Results.Ok(new
        {
            businessId,
            status = !configured ? "not configured" : c.Connected ? "connected" : c.NeedsReconnect ? "needs reconnect" : "not connected",
            configured,
            connected = configured && c.Connected,
            calendarEmail = c.CalendarEmail,
            connectedAt = c.ConnectedUtc,
            lastError = configured ? c.LastError : NotConfiguredDetail,
            needsReconnect = configured && c.NeedsReconnect,
            disconnectedReason = c.DisconnectedReason,
            disconnectedAt = c.DisconnectedUtc,
            reconnectLink = reconnect?.ShareableLink,
            reconnectAuthorizationUrl = reconnect?.AuthorizationUrl,
            reconnectLinkExpiresAt = reconnect?.ExpiresUtc,
            // Calendar updates that failed for good: the appointments stand, their events need a look.
            failedEvents = (await outbox.ListFailedAsync(businessId, ct)).Select(f => new { appointmentId = f.AppointmentId, error = f.Error }),
        });
    }

    internal static async Task<IResult> DisconnectAsync(string businessId, HttpContext http, CatalogStore catalog,
        IOptions<GoogleOptions> google, CancellationToken ct)
    {
        if (!google.Value.Enabled) return Results.Problem(title: "Google Calendar is not configured", detail: NotConfiguredDetail, statusCode: StatusCodes.Status503ServiceUnavailable);
        if (await catalog.GetSnapshotAsync(businessId, ct) is null) return UnknownBusiness(businessId);
        return await Connector(http).DisconnectAsync(businessId, ct)
            ? Results.NoContent()
            : Results.Problem(title: "Google did not confirm the revocation",
                detail: "Revoking the calendar access at Google failed; the connection is unchanged. Try again later.",
                statusCode: StatusCodes.Status502BadGateway);
    }

    internal static async Task<IResult> StartAsync(string? state, HttpContext http, IOptions<GoogleOptions> google, CancellationToken ct)
    {
        if (!google.Value.Enabled) return ConnectPages.NotConfigured();
        var connector = Connector(http);
        var (check, googleUrl) = await connector.FollowAsync(state, ct);
        if (googleUrl is not null) return Results.Redirect(googleUrl.ToString());
        var result = check switch { StateCheck.Used => CallbackResult.UsedLink, StateCheck.Expired => CallbackResult.ExpiredLink, _ => CallbackResult.InvalidLink };
        return ConnectPages.For(result, "", null);
    }

    internal static async Task<IResult> CallbackAsync(string? code, string? state, string? error, HttpContext http,
        IOptions<GoogleOptions> google, CancellationToken ct)
    {
        if (!google.Value.Enabled) return ConnectPages.NotConfigured();
        var connector = Connector(http);
        var (result, businessId, email) = await connector.CompleteAsync(code, state, error, ct);
        return ConnectPages.For(result, await connector.BusinessNameAsync(businessId, ct), email);
    }

    // Resolved only once Google is known to be configured: the connector needs the token vault.
    private static CalendarConnector Connector(HttpContext http) => http.RequestServices.GetRequiredService<CalendarConnector>();

    private static string PublicOrigin(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<TwilioOptions>>().Value.PublicBaseUrl?.OriginalString.TrimEnd('/')
        ?? $"{http.Request.Scheme}://{http.Request.Host.ToUriComponent()}";

    private static IResult UnknownBusiness(string businessId) =>
        Results.Problem(title: "Business not found", detail: $"There is no business '{businessId}'.", statusCode: StatusCodes.Status404NotFound);
}
