using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Turnos.Functions.Calendar.GoogleApi;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

[Collection("Azurite")]
public sealed class ConnectLinkTests(AzuriteFixture azurite)
{
    private const string Account = "peluqueria.demo@gmail.com";

    [Fact]
    public async Task Callback_Replayed_FailsAndChangesNothing()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = await app.ConnectLinkAsync(Demo.Id);
        var callback = await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, Account);
        Assert.Equal(HttpStatusCode.OK, (await app.BrowseAsync(callback)).StatusCode);
        var tokenCalls = app.Google.Calls.Count;

        var replay = await app.BrowseAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("Este enlace ya se usó", await replay.Content.ReadAsStringAsync());
        Assert.Equal(tokenCalls, app.Google.Calls.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.BrowseAsync(new Uri(link.GetProperty("shareableLink").GetString()!))).StatusCode);
    }

    [Fact]
    public async Task Callback_ConcurrentReplays_OnlyOneExchangesTheCode()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = await app.ConnectLinkAsync(Demo.Id);
        var callback = await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, Account);

        var pages = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.BrowseAsync(callback)));

        Assert.Single(pages, p => p.StatusCode == HttpStatusCode.OK);
        Assert.Equal(4, pages.Count(p => p.StatusCode == HttpStatusCode.BadRequest));
        Assert.Empty(app.Google.Violations); // no second exchange of the one-time code
    }

    [Theory]
    [InlineData("not-a-state")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public async Task Callback_ForgedState_FailsAndStoresNothing(string state)
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = await app.ConnectLinkAsync(Demo.Id);
        var callback = await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, Account);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"];

        var page = await app.Browser.GetAsync($"/api/oauth/google/callback?code={Uri.EscapeDataString(code!)}&state={state}");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Este enlace no es válido", await page.Content.ReadAsStringAsync());
        Assert.Empty(app.Google.CallsTo("token"));
        Assert.Empty(app.Vault.RefreshTokens);
        Assert.False((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Callback_AfterFifteenMinutes_FailsAsExpired()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = await app.ConnectLinkAsync(Demo.Id);
        var callback = await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, Account);
        app.Clock.Advance(ConnectStates.Lifetime + TimeSpan.FromSeconds(1));

        var page = await app.BrowseAsync(callback);
        var start = await app.BrowseAsync(new Uri(link.GetProperty("shareableLink").GetString()!));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Este enlace venció", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Empty(app.Vault.RefreshTokens);
        Assert.False((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Callback_AccessDenied_ExplainsAndLeavesTheLinkUsable()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = await app.ConnectLinkAsync(Demo.Id);
        app.Google.DenyConsent = true;

        var denied = await app.BrowseAsync(await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, Account));

        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        var html = await denied.Content.ReadAsStringAsync();
        Assert.Contains("No se conectó el calendario", html);
        Assert.Contains("<b>Peluquería Demo</b>", html);
        Assert.False((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
        Assert.Empty(app.Vault.RefreshTokens);
        app.Google.DenyConsent = false;
        var retry = await app.BrowseAsync(await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, Account));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Fact]
    public async Task Callback_AnotherGoogleError_SaysTheConnectionFailed()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = await app.ConnectLinkAsync(Demo.Id);
        var state = QueryHelpers.ParseQuery(new Uri(link.GetProperty("authorizationUrl").GetString()!).Query)["state"];

        var page = await app.Browser.GetAsync($"/api/oauth/google/callback?error=invalid_scope&state={state}");

        Assert.Equal(HttpStatusCode.BadGateway, page.StatusCode);
        Assert.Contains("No pudimos terminar la conexión", await page.Content.ReadAsStringAsync());
        Assert.False((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }
}
