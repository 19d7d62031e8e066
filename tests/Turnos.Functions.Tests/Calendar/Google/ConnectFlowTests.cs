using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.WebUtilities;
using Turnos.Functions.Calendar.GoogleApi;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

[Collection("Azurite")]
public sealed class ConnectFlowTests(AzuriteFixture azurite)
{
    private const string Account = "peluqueria.demo@gmail.com";

    [Fact]
    public async Task Connect_ThroughGoogle_StoresTheRefreshTokenAndShowsTheCalendarEmail()
    {
        await using var app = await GoogleApp.StartAsync(azurite);

        var link = await app.ConnectLinkAsync(Demo.Id);
        Assert.False(link.GetProperty("connected").GetBoolean());
        Assert.Equal(TurnosFactory.DefaultNow + ConnectStates.Lifetime, link.GetProperty("expiresAt").GetDateTimeOffset());
        var callback = await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, Account);
        var page = await app.BrowseAsync(callback);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("¡Listo! Conectamos el calendario de Google de <b>Peluquería Demo</b>", html.Replace("</h1><p>", " "));
        Assert.Contains(Account, html);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        var status = await app.StatusAsync(Demo.Id);
        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.Equal("connected", status.GetProperty("status").GetString());
        Assert.Equal(Account, status.GetProperty("calendarEmail").GetString());
        Assert.Equal(TurnosFactory.DefaultNow, status.GetProperty("connectedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastError").ValueKind);
        Assert.False(status.GetProperty("needsReconnect").GetBoolean());
        Assert.True(app.Vault.RefreshTokens.ContainsKey(Demo.Id));
        Assert.Empty(app.Google.Violations);
    }

    [Fact]
    public async Task AuthorizationUrl_AsksForOfflineAccessConsentLeastScopesAndPkce()
    {
        await using var app = await GoogleApp.StartAsync(azurite);

        var link = await app.ConnectLinkAsync(Demo.Id);

        var url = new Uri(link.GetProperty("authorizationUrl").GetString()!);
        Assert.Equal(app.Google.AuthorizationEndpoint.GetLeftPart(UriPartial.Path), url.GetLeftPart(UriPartial.Path));
        var q = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal(FakeGoogle.ClientId, q["client_id"]);
        Assert.Equal("code", q["response_type"]);
        Assert.Equal(GoogleApp.PublicBase + "/api/oauth/google/callback", q["redirect_uri"]);
        Assert.Equal("offline", q["access_type"]);
        Assert.Equal("consent", q["prompt"]);
        Assert.Equal("S256", q["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", q["code_challenge"].ToString());
        Assert.Equal(["openid", "email", "https://www.googleapis.com/auth/calendar.events.owned", "https://www.googleapis.com/auth/calendar.events.freebusy"],
            q["scope"].ToString().Split(' '));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", q["state"].ToString()); // 256 random bits
        Assert.NotEqual(q["state"].ToString(), QueryHelpers.ParseQuery(new Uri((await app.ConnectLinkAsync(Demo.Id)).GetProperty("authorizationUrl").GetString()!).Query)["state"].ToString());
    }

    [Fact]
    public async Task ShareableLink_WhileValid_RedirectsToGoogleWithTheSameStateAndChallenge()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = await app.ConnectLinkAsync(Demo.Id);
        var shareable = new Uri(link.GetProperty("shareableLink").GetString()!);
        Assert.StartsWith(GoogleApp.PublicBase + "/api/oauth/google/start?state=", shareable.ToString());

        var response = await app.BrowseAsync(shareable);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var direct = QueryHelpers.ParseQuery(new Uri(link.GetProperty("authorizationUrl").GetString()!).Query);
        var redirected = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal(direct["state"], redirected["state"]);
        Assert.Equal(direct["code_challenge"], redirected["code_challenge"]);
        // Following it ends in a connection like the direct URL does.
        var page = await app.BrowseAsync(await app.ConsentAsync(response.Headers.Location.ToString(), Account));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Table_AfterConnecting_HoldsNoStateVerifierOrToken()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var unused = await app.ConnectLinkAsync(Demo.Id);
        await app.ConnectAsync(Demo.Id, Account);

        var everything = new List<string>();
        await foreach (var row in app.CalendarTable.QueryAsync<TableEntity>())
            everything.AddRange(((IDictionary<string, object>)row).Values.Select(v => v?.ToString() ?? ""));

        var unusedUrl = QueryHelpers.ParseQuery(new Uri(unused.GetProperty("authorizationUrl").GetString()!).Query);
        Assert.DoesNotContain(everything, v => v.Contains(unusedUrl["state"]!, StringComparison.Ordinal));
        Assert.Contains(everything, v => v.Length > 100); // the unused link's verifier, protected
        foreach (var secret in app.Google.IssuedSecrets) Assert.DoesNotContain(everything, v => v.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminEndpoints_WithoutTheKeyOrForAnUnknownBusiness_AreRefused()
    {
        await using var app = await GoogleApp.StartAsync(azurite);

        var anonymous = await app.Browser.PostAsync($"/api/admin/businesses/{Demo.Id}/calendar/connect", null);
        var unknown = await app.Admin.PostAsync("/api/admin/businesses/nope/calendar/connect", null);
        var unknownStatus = await app.Admin.GetAsync("/api/admin/businesses/nope/calendar");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus.StatusCode);
    }
}
