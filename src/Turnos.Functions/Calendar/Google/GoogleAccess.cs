using System.Collections.Concurrent;
using Google.Apis.Auth.OAuth2.Responses;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>An access token for one business's call, or why there is none.</summary>
public readonly record struct AccessGrant(string? Token, CalendarCallResult Result)
{
    public static AccessGrant Denied(CalendarCallOutcome outcome, string error) => new(null, new CalendarCallResult(outcome, error));
}

/// <summary>
/// Access tokens per business, always loaded by that business's id from the vault, refreshed through Google's flow
/// (one refresh at a time per business). Google's <c>invalid_grant</c> — revoked, expired, a testing-mode token past
/// its 7 days — ends the connection: the business is marked disconnected, needing a reconnect, and the token goes.
/// </summary>
public sealed partial class GoogleAccess(GoogleOAuth oauth, CalendarConnections connections, ILogger<GoogleAccess> logger)
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(6);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _refreshing = new(StringComparer.Ordinal);

    /// <param name="rejected">A token Google just answered 401 to: refresh even if it looks fresh.</param>
    public async Task<AccessGrant> GetAsync(string businessId, CalendarConnection connection, string? rejected, CancellationToken ct)
    {
        if (Usable(await oauth.Tokens.LoadAsync(businessId), rejected) is { } token) return new(token, CalendarCallResult.Ok);
        var gate = _refreshing.GetOrAdd(businessId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var stored = await oauth.Tokens.LoadAsync(businessId); // another call may have refreshed meanwhile
            if (Usable(stored, rejected) is { } refreshed) return new(refreshed, CalendarCallResult.Ok);
            if (stored?.RefreshToken is not { } refreshToken)
                return AccessGrant.Denied(CalendarCallOutcome.NotConnected, "No Google authorization is stored for this business.");
            var fresh = await oauth.Flow.RefreshTokenAsync(businessId, refreshToken, ct);
            return new(fresh.AccessToken, CalendarCallResult.Ok);
        }
        catch (TokenResponseException e) when (e.Error?.Error == "invalid_grant")
        {
            var reason = $"Google no longer accepts the stored authorization (invalid_grant: {e.Error.ErrorDescription ?? "revoked or expired"}). Connect the calendar again.";
            await DisconnectAsync(businessId, connection, reason, ct);
            return AccessGrant.Denied(CalendarCallOutcome.NotConnected, reason);
        }
        catch (TokenResponseException e)
        {
            var status = (int?)e.StatusCode ?? 0;
            var error = $"Google's token endpoint answered {status} ({e.Error?.Error ?? "no error code"}).";
            return status is 0 or 429 or >= 500
                ? AccessGrant.Denied(CalendarCallOutcome.Transient, error)
                : AccessGrant.Denied(CalendarCallOutcome.Failed, error + " Check Google:ClientId and Google:ClientSecret.");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Ends the connection it was decided on (not a newer one made meanwhile) and forgets its token.</summary>
    public async Task DisconnectAsync(string businessId, CalendarConnection connection, string reason, CancellationToken ct)
    {
        if (!await connections.MarkDisconnectedAsync(businessId, reason, needsReconnect: true, connection.ETag, ct)) return;
        await oauth.Tokens.ForgetAsync(businessId);
        LogDisconnected(businessId, reason);
    }

    // Refreshed a few minutes before it expires, as Google's own credential does (its checks are not public).
    private string? Usable(TokenResponse? token, string? rejected) =>
        token is { AccessToken: { } access, ExpiresInSeconds: { } lifetime } && access != rejected
        && token.IssuedUtc.AddSeconds(lifetime) - RefreshAhead > oauth.Flow.Clock.UtcNow ? access : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google Calendar of {BusinessId} disconnected: {Reason}")]
    private partial void LogDisconnected(string businessId, string reason);
}
