using System.Text.Json;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Options;
using Turnos.Functions.Businesses;
using Base64Url = System.Buffers.Text.Base64Url;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>A connect link for one business: Google's consent URL and the Turnos URL that leads to it.</summary>
public sealed record ConnectInvite(Uri AuthorizationUrl, Uri ShareableLink, DateTimeOffset ExpiresUtc);

/// <summary>How Google's redirect back to Turnos ended, for the page the person sees.</summary>
public enum CallbackResult
{
    Connected,
    Denied,
    InvalidLink,
    UsedLink,
    ExpiredLink,
    GoogleFailed,
}

/// <summary>Connecting and disconnecting a business's Google Calendar (OAuth 2.0 web server flow with PKCE).</summary>
public sealed partial class CalendarConnector(
    GoogleOAuth oauth, ConnectStates states, CalendarConnections connections, CatalogStore catalog,
    IOptions<GoogleOptions> options, ILogger<CalendarConnector> logger)
{
    /// <summary>The shareable link's route below the host's <c>api</c> prefix (<see cref="StartPath"/> in full).</summary>
    public const string StartRoute = "oauth/google/start";

    public const string StartPath = "/api/" + StartRoute;

    // The person is looking at a browser tab; a slow answer is better than a failed connection.
    private static readonly TimeSpan ExchangeBudget = TimeSpan.FromSeconds(20);

    /// <param name="publicOrigin">Where people reach Turnos, e.g. <c>https://turnos.azurewebsites.net</c>.</param>
    public async Task<ConnectInvite> InviteAsync(string businessId, string publicOrigin, CancellationToken ct)
    {
        var redirectUri = options.Value.RedirectUri?.ToString() ?? publicOrigin + GoogleOptions.CallbackPath;
        var (state, link) = await states.CreateAsync(businessId, redirectUri, ct);
        return new ConnectInvite(oauth.AuthorizationUrl(redirectUri, state, link.CodeVerifier),
            new Uri($"{publicOrigin}{StartPath}?state={state}"), link.ExpiresUtc);
    }

    /// <summary>Google's consent URL behind a shareable link, while the link is still good.</summary>
    public async Task<(StateCheck Check, Uri? GoogleUrl)> FollowAsync(string? state, CancellationToken ct)
    {
        var check = await states.PeekAsync(state, ct);
        return check is StateCheck.Valid link ? (check, oauth.AuthorizationUrl(link.RedirectUri, state!, link.CodeVerifier)) : (check, null);
    }

    /// <summary>Google's redirect: checks and uses up the state, exchanges the code (with the PKCE verifier) through
    /// Google's flow, which stores the refresh token in the vault, and marks the business connected.</summary>
    public async Task<(CallbackResult Result, string? BusinessId, string? CalendarEmail)> CompleteAsync(
        string? code, string? state, string? error, CancellationToken ct)
    {
        if (error is not null || string.IsNullOrEmpty(code))
        {
            // "Cancel" on Google's page leaves the link usable, so the person can try again.
            var peek = await states.PeekAsync(state, ct);
            if (peek is not StateCheck.Valid valid) return (Failure(peek), null, null);
            var result = error switch { null => CallbackResult.InvalidLink, "access_denied" => CallbackResult.Denied, _ => CallbackResult.GoogleFailed };
            return (result, valid.BusinessId, null);
        }
        var consumed = await states.ConsumeAsync(state, ct);
        if (consumed is not StateCheck.Valid link) return (Failure(consumed), null, null);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(ExchangeBudget);
        try
        {
            var token = await oauth.Flow.ExchangeCodeForTokenAsync(link.BusinessId, code, link.CodeVerifier, link.RedirectUri, budget.Token);
            if (token.RefreshToken is null) throw new InvalidOperationException("Google granted no offline access (no refresh token).");
            var email = EmailFromIdToken(token.IdToken, options.Value.ClientId);
            await connections.MarkConnectedAsync(link.BusinessId, email, ct);
            LogConnected(link.BusinessId);
            return (CallbackResult.Connected, link.BusinessId, email);
        }
        // InvalidOperationException: the vault refuses a token without a refresh token (no offline access granted).
        catch (Exception e) when (e is TokenResponseException or HttpRequestException or InvalidOperationException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogExchangeFailed(link.BusinessId, (e as TokenResponseException)?.Error?.Error ?? e.GetType().Name);
            return (CallbackResult.GoogleFailed, link.BusinessId, null);
        }
    }

    /// <summary>Revokes the grant at Google, then forgets the token and marks the business not connected. False when
    /// Google did not confirm the revocation: then nothing changes, so revoking can be tried again.</summary>
    public async Task<bool> DisconnectAsync(string businessId, CancellationToken ct)
    {
        var token = await oauth.Tokens.LoadAsync(businessId);
        if ((token?.RefreshToken ?? token?.AccessToken) is { } grant)
        {
            try
            {
                await oauth.Flow.RevokeTokenAsync(businessId, grant, ct);
            }
            catch (TokenResponseException e) when ((int?)e.StatusCode == 400)
            {
                // invalid_token: already revoked or expired, which is what was wanted
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogRevokeFailed(businessId, (e as TokenResponseException)?.Error?.Error ?? e.GetType().Name);
                return false;
            }
        }
        await oauth.Tokens.ForgetAsync(businessId);
        await connections.MarkDisconnectedAsync(businessId, "Disconnected by an administrator.", needsReconnect: false, ifMatch: null, ct);
        return true;
    }

    public async Task<string> BusinessNameAsync(string? businessId, CancellationToken ct) =>
        businessId is null ? "" : (await catalog.GetSnapshotAsync(businessId, ct))?.Business.Name ?? businessId;

    private static CallbackResult Failure(StateCheck check) => check switch
    {
        StateCheck.Used => CallbackResult.UsedLink,
        StateCheck.Expired => CallbackResult.ExpiredLink,
        _ => CallbackResult.InvalidLink,
    };

    /// <summary>
    /// The account's email from the id_token. It came straight from Google's token endpoint over TLS in answer to
    /// our client secret, so (as OpenID Connect allows for that channel) its signature is not checked; its audience is.
    /// </summary>
    internal static string? EmailFromIdToken(string? idToken, string? clientId)
    {
        if (idToken?.Split('.') is not [_, var payload, ..]) return null;
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
            var root = json.RootElement;
            var audience = root.TryGetProperty("aud", out var aud) ? aud : default;
            var forUs = audience.ValueKind == JsonValueKind.String ? audience.GetString() == clientId
                : audience.ValueKind == JsonValueKind.Array && audience.EnumerateArray().Any(a => a.GetString() == clientId);
            return forUs && root.TryGetProperty("email", out var email) ? email.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Google Calendar of {BusinessId} connected")]
    private partial void LogConnected(string businessId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google Calendar of {BusinessId} not disconnected: Google did not confirm the revocation ({Error})")]
    private partial void LogRevokeFailed(string businessId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google Calendar of {BusinessId} not connected: the code exchange failed ({Error})")]
    private partial void LogExchangeFailed(string businessId, string error);
}
