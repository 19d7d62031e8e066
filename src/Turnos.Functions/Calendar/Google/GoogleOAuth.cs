using System.Security.Cryptography;
using System.Text;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Requests;
using Google.Apis.Util;
using Google.Apis.Util.Store;
using Microsoft.Extensions.Options;
using Base64Url = System.Buffers.Text.Base64Url;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>
/// The OAuth client as Google's own library runs it: one <see cref="PkceGoogleAuthorizationCodeFlow"/> whose data
/// store is the token vault, so code exchange and refresh put the refresh token there and nowhere else.
/// </summary>
public sealed class GoogleOAuth : IDisposable
{
    /// <summary>
    /// The least that does the job: events only on calendars the account owns (Turnos writes to its primary
    /// calendar), free/busy of calendars it can see (its own and the professionals' calendars shared with it),
    /// and the account's email to show which calendar is connected.
    /// </summary>
    public static readonly IReadOnlyList<string> Scopes =
    [
        "openid",
        "email",
        "https://www.googleapis.com/auth/calendar.events.owned",
        "https://www.googleapis.com/auth/calendar.events.freebusy",
    ];

    private readonly Lazy<VaultTokens> _tokens;
    private readonly Lazy<PkceGoogleAuthorizationCodeFlow> _flow;

    // The vault is looked up on first use: without a Google client nothing needs it, and with one the options
    // check at start has already made sure it is registered.
    public GoogleOAuth(IOptions<GoogleOptions> options, IServiceProvider services, TimeProvider time)
    {
        var o = options.Value;
        _tokens = new(() => new VaultTokens(services.GetRequiredService<IDataStore>()));
        _flow = new(() => new PkceGoogleAuthorizationCodeFlow(
            new FlowInitializer(o.AuthorizationEndpoint, o.TokenEndpoint, o.RevokeEndpoint)
            {
                ClientSecrets = new ClientSecrets { ClientId = o.ClientId, ClientSecret = o.ClientSecret },
                Scopes = Scopes,
                DataStore = Tokens,
                Prompt = "consent", // without it Google sends a refresh token only the first time an account consents
                Clock = new GoogleClock(time),
            }));
    }

    public PkceGoogleAuthorizationCodeFlow Flow => _flow.Value;

    /// <summary>The vault as the flow sees it, and as Turnos deletes from it.</summary>
    public VaultTokens Tokens => _tokens.Value;

    /// <summary>Google's consent page for one connect attempt: offline access, consent prompt, PKCE S256.</summary>
    public Uri AuthorizationUrl(string redirectUri, string state, string codeVerifier)
    {
        var request = (GoogleAuthorizationCodeRequestUrl)Flow.CreateAuthorizationCodeRequest(redirectUri);
        request.AccessType = "offline";
        request.State = state;
        request.CodeChallenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
        request.CodeChallengeMethod = "S256";
        return request.Build();
    }

    /// <summary>A PKCE code verifier: 256 random bits, base64url (43 characters, RFC 7636's minimum length).</summary>
    public static string NewCodeVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public void Dispose()
    {
        if (_flow.IsValueCreated) _flow.Value.Dispose();
    }

    // The endpoints are settable only through this constructor; tests point them at in-process fakes.
    private sealed class FlowInitializer(Uri authorization, Uri token, Uri revoke)
        : GoogleAuthorizationCodeFlow.Initializer(authorization.ToString(), token.ToString(), revoke.ToString());
}
