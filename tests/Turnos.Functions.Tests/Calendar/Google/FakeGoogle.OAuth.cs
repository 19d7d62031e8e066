using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Base64Url = System.Buffers.Text.Base64Url;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

internal sealed partial class FakeGoogle
{
    private sealed record Grant(string RedirectUri, string Challenge, string Scope, string Account);

    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(); // refresh token → account
    private readonly ConcurrentDictionary<string, (string Account, string Refresh)> _accessTokens = new();

    /// <summary>The Google account that signs in on the consent page.</summary>
    public string ConsentingAccount { get; set; } = "peluqueria.demo@gmail.com";

    /// <summary>The person presses "Cancel" on the consent page.</summary>
    public bool DenyConsent { get; set; }

    /// <summary>Tokens revoked through the revoke endpoint.</summary>
    public ConcurrentQueue<string> Revoked { get; } = new();

    /// <summary>Every token grant issued (access and refresh), to check none leaks into tables or logs.</summary>
    public ConcurrentQueue<string> IssuedSecrets { get; } = new();

    public bool IsRefreshTokenLive(string account) => _refreshTokens.Values.Contains(account);

    /// <summary>Google's side of "revoked": the user removed access, or a testing-mode token passed its 7 days.</summary>
    public void RevokeAllFor(string account)
    {
        foreach (var (token, owner) in _refreshTokens) if (owner == account) _refreshTokens.TryRemove(token, out _);
        foreach (var (token, grant) in _accessTokens) if (grant.Account == account) _accessTokens.TryRemove(token, out _);
    }

    /// <summary>Access tokens stop working before their time (Google may do that); refresh tokens still work.</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    private string? AccountOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.TryGetValue(header[7..], out var grant) ? grant.Account : null;
    }

    private async Task AuthorizeAsync(HttpContext context)
    {
        var q = context.Request.Query;
        string? problem = q["client_id"] != ClientId ? "unknown client_id"
            : q["response_type"] != "code" ? "response_type must be code"
            : string.IsNullOrEmpty(q["redirect_uri"]) ? "redirect_uri is required"
            : string.IsNullOrEmpty(q["scope"]) ? "scope is required"
            : q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]) ? "PKCE S256 is required"
            : null;
        if (problem is not null)
        {
            await Reject(context, 400, "invalid_request", problem);
            return;
        }
        var redirect = q["redirect_uri"].ToString();
        var answer = new Dictionary<string, string?> { ["state"] = q["state"] };
        if (DenyConsent) answer["error"] = "access_denied";
        else
        {
            var code = Next("4/0A-code-");
            _codes[code] = new Grant(redirect, q["code_challenge"]!, q["scope"]!, ConsentingAccount);
            answer["code"] = code;
            answer["scope"] = q["scope"];
        }
        context.Response.Redirect(QueryHelpers.AddQueryString(redirect, answer));
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            await OAuthError(context, 401, "invalid_client", "Unauthorized");
            return;
        }
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                if (!_codes.TryRemove(form["code"].ToString(), out var grant)) await OAuthError(context, 400, "invalid_grant", "Malformed auth code.");
                else if (form["redirect_uri"] != grant.RedirectUri) await OAuthError(context, 400, "redirect_uri_mismatch", "Bad Request");
                else if (string.IsNullOrEmpty(form["code_verifier"])) await OAuthError(context, 400, "invalid_grant", "Missing code verifier.");
                else if (Challenge(form["code_verifier"]!) != grant.Challenge) await OAuthError(context, 400, "invalid_grant", "Invalid code verifier.");
                else await IssueAsync(context, grant.Account, Next("1//0refresh-"), grant.Scope, withIdToken: true);
                break;
            case "refresh_token":
                var refresh = form["refresh_token"].ToString();
                if (!_refreshTokens.TryGetValue(refresh, out var account)) await OAuthError(context, 400, "invalid_grant", "Token has been expired or revoked.");
                else await IssueAsync(context, account, refresh, null, withIdToken: false);
                break;
            default:
                await OAuthError(context, 400, "unsupported_grant_type", "Invalid grant_type: " + form["grant_type"]);
                break;
        }
    }

    private Task IssueAsync(HttpContext context, string account, string refresh, string? scope, bool withIdToken)
    {
        var access = Next("ya29.access-");
        var first = !_refreshTokens.ContainsKey(refresh);
        _refreshTokens[refresh] = account;
        _accessTokens[access] = (account, refresh);
        IssuedSecrets.Enqueue(access);
        var body = new JsonObject { ["access_token"] = access, ["expires_in"] = 3599, ["token_type"] = "Bearer" };
        if (first)
        {
            IssuedSecrets.Enqueue(refresh);
            body["refresh_token"] = refresh; // a refresh answer carries no new refresh token
            body["scope"] = scope;
        }
        if (withIdToken) body["id_token"] = IdToken(account);
        return context.Response.WriteAsJsonAsync(body);
    }

    private async Task RevokeAsync(HttpContext context)
    {
        var token = context.Request.Query["token"].ToString();
        if (token.Length == 0 && context.Request.HasFormContentType) token = (await context.Request.ReadFormAsync())["token"].ToString();
        var refresh = _refreshTokens.ContainsKey(token) ? token : _accessTokens.TryGetValue(token, out var grant) ? grant.Refresh : null;
        if (refresh is null)
        {
            await OAuthError(context, 400, "invalid_token", "Token expired or revoked");
            return;
        }
        Revoked.Enqueue(token);
        _refreshTokens.TryRemove(refresh, out _); // revoking either token ends the whole grant
        foreach (var (access, g) in _accessTokens) if (g.Refresh == refresh) _accessTokens.TryRemove(access, out _);
        await context.Response.WriteAsJsonAsync(new JsonObject());
    }

    private static Task OAuthError(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = error, ["error_description"] = description });
    }

    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    // Unsigned is enough here: the app reads it straight from the token endpoint and checks the audience only.
    private static string IdToken(string account)
    {
        static string Part(JsonObject o) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(o.ToJsonString()));
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = "fake", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = "https://accounts.google.com", ["aud"] = ClientId, ["sub"] = "1" + Math.Abs(account.GetHashCode()),
            ["email"] = account, ["email_verified"] = true, ["iat"] = 1_795_000_000, ["exp"] = 1_795_003_600,
        };
        return $"{Part(header)}.{Part(payload)}.c2lnbmF0dXJl";
    }
}
