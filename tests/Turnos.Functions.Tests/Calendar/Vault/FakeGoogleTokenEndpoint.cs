using System.Collections.Concurrent;
using System.Net;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Util.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Calendar.Vault;

using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Vault;

/// <summary>
/// Google's OAuth token endpoint (<c>POST /token</c>), the two grants Turnos uses: <c>authorization_code</c> (code
/// <see cref="GoodCode"/>) and <c>refresh_token</c> (for refresh tokens in <see cref="Valid"/>, else
/// <c>invalid_grant</c>). It remembers which refresh token each access token was issued for.
/// </summary>
internal sealed class FakeGoogleTokenEndpoint : IAsyncDisposable
{
    public const string GoodCode = "4/0A-code-for-demo";
    public const string CodeWithoutRefreshToken = "4/0A-code-without-offline-access";
    public const string IssuedRefreshToken = "1//0g-issued-at-connect";

    private readonly WebApplication _app;
    private int _refreshes;
    private int _exchanges;

    private FakeGoogleTokenEndpoint(WebApplication app) => _app = app;

    public Uri TokenUri { get; private set; } = null!;

    public ConcurrentDictionary<string, bool> Valid { get; } = new(StringComparer.Ordinal);

    /// <summary>Access token → the refresh token it was issued for.</summary>
    public ConcurrentDictionary<string, string> IssuedFor { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, a refresh answers with this new refresh token too (Google may rotate them).</summary>
    public string? RotateTo { get; set; }

    public int Refreshes => _refreshes;

    public int Exchanges => _exchanges;

    public static async Task<FakeGoogleTokenEndpoint> StartAsync()
    {
        FakeGoogleTokenEndpoint? endpoint = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/token", (Delegate)(Func<HttpContext, Task<IResult>>)(context => endpoint!.TokenAsync(context))));
        endpoint = new FakeGoogleTokenEndpoint(app) { TokenUri = new Uri(address + "/token") };
        endpoint.Valid.TryAdd(IssuedRefreshToken, true);
        return endpoint;
    }

    /// <summary>The real flow, on this endpoint, with the store as its data store and the store's clock.</summary>
    public GoogleAuthorizationCodeFlow CreateFlow(IDataStore store, VaultDataStore clockSource) =>
        new(new Initializer(TokenUri)
        {
            ClientSecrets = new ClientSecrets { ClientId = "client-id.apps.googleusercontent.com", ClientSecret = "client-secret" },
            Scopes = ["https://www.googleapis.com/auth/calendar.events.owned"],
            DataStore = store,
            Clock = clockSource.Clock,
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != "client-id.apps.googleusercontent.com" || form["client_secret"] != "client-secret")
            return Results.Json(new { error = "invalid_client", error_description = "The OAuth client was not found." }, statusCode: 401);
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                Interlocked.Increment(ref _exchanges);
                if (form["code"] == GoodCode)
                    return Results.Json(new { access_token = "ya29.at-connect", expires_in = 3599, token_type = "Bearer", refresh_token = IssuedRefreshToken });
                if (form["code"] == CodeWithoutRefreshToken)
                    return Results.Json(new { access_token = "ya29.at-no-offline", expires_in = 3599, token_type = "Bearer" });
                return InvalidGrant("Malformed auth code.");
            case "refresh_token":
                var n = Interlocked.Increment(ref _refreshes);
                var refreshToken = form["refresh_token"].ToString();
                if (!Valid.ContainsKey(refreshToken)) return InvalidGrant("Token has been expired or revoked.");
                var access = $"ya29.at-{n}";
                IssuedFor[access] = refreshToken;
                if (RotateTo is { } rotated)
                {
                    Valid.TryAdd(rotated, true);
                    return Results.Json(new { access_token = access, expires_in = 3599, token_type = "Bearer", refresh_token = rotated });
                }
                return Results.Json(new { access_token = access, expires_in = 3599, token_type = "Bearer" });
            default:
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }
    }

    private static IResult InvalidGrant(string description) =>
        Results.Json(new { error = "invalid_grant", error_description = description }, statusCode: 400);

    // Google's initializer takes other endpoints only through this protected constructor; every one points
    // here so nothing can reach Google.
    private sealed class Initializer(Uri token)
        : GoogleAuthorizationCodeFlow.Initializer(new Uri(token, "/auth").ToString(), token.ToString(), new Uri(token, "/revoke").ToString());
}
