using System.Net;
using System.Text.Json;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

[Collection("Azurite")]
public sealed class DisconnectTests(AzuriteFixture azurite)
{
    private const string Account = "peluqueria.demo@gmail.com";
    private static readonly DateTimeOffset From = Demo.At(2026, 11, 24, 0), Until = Demo.At(2026, 11, 25, 0);

    [Fact]
    public async Task Delete_WhenConnected_RevokesAtGoogleForgetsTheTokenAndMarksNotConnected()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        await app.ConnectAsync(Demo.Id, Account);
        var refreshToken = app.Vault.RefreshTokens[Demo.Id];

        var response = await app.Admin.DeleteAsync($"/api/admin/businesses/{Demo.Id}/calendar");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([refreshToken], app.Google.Revoked);
        Assert.False(app.Google.IsRefreshTokenLive(Account));
        Assert.Empty(app.Vault.RefreshTokens);
        var status = await app.StatusAsync(Demo.Id);
        Assert.False(status.GetProperty("connected").GetBoolean());
        Assert.False(status.GetProperty("needsReconnect").GetBoolean());
        Assert.Equal("Disconnected by an administrator.", status.GetProperty("disconnectedReason").GetString());
        Assert.Equal(CalendarCallOutcome.NotConnected, (await app.Calendar.CancelEventAsync(Demo.Id, "tnabc123", default)).Outcome);
        Assert.Null(await app.Calendar.GetBusyAsync(Demo.Id, [], From, Until, default));
    }

    [Fact]
    public async Task Delete_WhenGoogleAlreadyRevoked_StillDisconnects()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        await app.ConnectAsync(Demo.Id, Account);
        app.Google.RevokeAllFor(Account);

        var response = await app.Admin.DeleteAsync($"/api/admin/businesses/{Demo.Id}/calendar");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(app.Vault.RefreshTokens);
    }

    [Fact]
    public async Task Delete_WhenGoogleIsDown_KeepsTheConnectionAndSays502()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        await app.ConnectAsync(Demo.Id, Account);
        app.Google.Fail("revoke", 500, times: 10); // Google's client retries a few times itself

        var response = await app.Admin.DeleteAsync($"/api/admin/businesses/{Demo.Id}/calendar");
        app.Google.ClearFaults();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(app.Vault.RefreshTokens.ContainsKey(Demo.Id));
        Assert.True((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Refresh_InvalidGrant_MarksDisconnectedAndStatusOffersAFreshReconnectLink()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        await app.ConnectAsync(Demo.Id, Account);
        app.Google.RevokeAllFor(Account); // e.g. the user removed Turnos from their Google account
        app.Clock.Advance(TimeSpan.FromHours(1)); // the access token is due for a refresh

        var busy = await app.Calendar.GetBusyAsync(Demo.Id, [], From, Until, default);
        var insert = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tnabc123"), default);

        Assert.Null(busy);
        Assert.Equal(CalendarCallOutcome.NotConnected, insert.Outcome);
        Assert.Empty(app.Vault.RefreshTokens);
        var status = await app.StatusAsync(Demo.Id);
        Assert.False(status.GetProperty("connected").GetBoolean());
        Assert.True(status.GetProperty("needsReconnect").GetBoolean());
        Assert.Equal("needs reconnect", status.GetProperty("status").GetString());
        Assert.Contains("invalid_grant", status.GetProperty("lastError").GetString());
        var reconnect = new Uri(status.GetProperty("reconnectLink").GetString()!);
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("reconnectLinkExpiresAt").ValueKind);
        // The fresh link works: Google redirects to the consent page, and the business is connected again.
        var google = await app.BrowseAsync(reconnect);
        Assert.Equal(HttpStatusCode.Redirect, google.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.BrowseAsync(await app.ConsentAsync(google.Headers.Location!.ToString(), Account))).StatusCode);
        var after = await app.StatusAsync(Demo.Id);
        Assert.True(after.GetProperty("connected").GetBoolean());
        Assert.False(after.GetProperty("needsReconnect").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("lastError").ValueKind);
        Assert.NotNull(await app.Calendar.GetBusyAsync(Demo.Id, [], From, Until, default));
    }

    [Fact]
    public async Task Refresh_RateLimitedOrBadClient_KeepsTheToken()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        await app.ConnectAsync(Demo.Id, Account);
        app.Clock.Advance(TimeSpan.FromHours(1));
        app.Google.Fail("token", 429, times: 10); // Google's client retries a few times itself

        var limited = await app.Calendar.CancelEventAsync(Demo.Id, "tnabc123", default);
        app.Google.ClearFaults();

        Assert.Equal(CalendarCallOutcome.Transient, limited.Outcome);
        Assert.True(app.Vault.RefreshTokens.ContainsKey(Demo.Id)); // Google's flow would have deleted it
        Assert.Equal(0, app.Store.Deletes);
        Assert.True((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
        Assert.Equal(CalendarCallOutcome.Done, (await app.Calendar.CancelEventAsync(Demo.Id, "tnabc123", default)).Outcome);

        app.Clock.Advance(TimeSpan.FromHours(1));
        app.Google.Fail("token", 401, times: 10); // what a mistyped Google:ClientSecret gets (invalid_client)
        var badClient = await app.Calendar.CancelEventAsync(Demo.Id, "tnabc123", default);
        app.Google.ClearFaults();

        Assert.Equal(CalendarCallOutcome.Failed, badClient.Outcome);
        Assert.Contains("Google:ClientSecret", badClient.Error);
        Assert.True(app.Vault.RefreshTokens.ContainsKey(Demo.Id));
        Assert.Equal(0, app.Store.Deletes);
    }
}
