using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Turnos.Functions.Calendar;
using Turnos.Functions.Calendar.GoogleApi;
using Turnos.Functions.Hosting;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

[Collection("Azurite")]
public sealed class GoogleSettingsTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> Off = new() { ["Google:ClientId"] = "", ["Google:ClientSecret"] = "" };

    [Fact]
    public async Task App_WithoutAGoogleClient_SaysNotConfiguredEverywhere()
    {
        await using var app = await GoogleApp.StartAsync(azurite, Off);

        var status = await app.StatusAsync(Demo.Id);
        var connect = await app.Admin.PostAsync($"/api/admin/businesses/{Demo.Id}/calendar/connect", null);
        var callback = await app.Browser.GetAsync("/api/oauth/google/callback?code=x&state=y");

        Assert.Equal("not configured", status.GetProperty("status").GetString());
        Assert.False(status.GetProperty("configured").GetBoolean());
        Assert.Contains("Google:ClientId", status.GetProperty("lastError").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, connect.StatusCode);
        Assert.Contains("Google:ClientSecret", (await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, callback.StatusCode);
        Assert.Contains("no está disponible", await callback.Content.ReadAsStringAsync());
        Assert.IsType<NotConfiguredGoogleCalendar>(app.Calendar);
        Assert.Equal(CalendarCallOutcome.NotConnected, (await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default)).Outcome);
        Assert.Empty(app.Google.Calls);
    }

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Google:ClientId", "123.apps.googleusercontent.com", "Google:ClientSecret is required when Google:ClientId is set" },
        { "Google:ClientSecret", "GOCSPX-x", "Google:ClientId is required when Google:ClientSecret is set" },
        { "Google:RequestTimeoutSeconds", "0", "Google:RequestTimeoutSeconds must be between 1 and 30" },
        { "Google:RedirectUri", "https://turnos.example.com/oauth", "Google:RedirectUri must be an absolute http(s) URL ending in /api/oauth/google/callback" },
        { "Google:CalendarApiBase", "https://www.googleapis.com/calendar/v3", "Google:CalendarApiBase must be an absolute http(s) URL ending in '/'" },
    };

    [Theory, MemberData(nameof(BadSettings))]
    public async Task Start_WithBadGoogleSettings_FailsNamingTheSetting(string key, string? value, string expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "g" + Guid.NewGuid().ToString("N")[..12],
            [key] = value,
        });
        builder.AddTurnos();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Logs_OfAWholeConnectionLife_NeverHoldATokenOrCode()
    {
        await using var app = await GoogleApp.StartAsync(azurite, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" });
        var link = await app.ConnectLinkAsync(Demo.Id);
        var callback = await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, "peluqueria.demo@gmail.com");
        await app.BrowseAsync(callback);
        await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Calendar.GetBusyAsync(Demo.Id, [], Demo.At(2026, 11, 24, 0), Demo.At(2026, 11, 25, 0), default);
        await app.Admin.DeleteAsync($"/api/admin/businesses/{Demo.Id}/calendar");

        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        Assert.NotEmpty(app.Logs.Lines);
        Assert.Contains(app.Logs.Lines, l => l.Contains("connected", StringComparison.Ordinal));
        foreach (var secret in app.Google.IssuedSecrets.Append(code))
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PurgeExpired_DeletesLinksExpiredOverADayAgoOnly()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var old = await app.ConnectLinkAsync(Demo.Id);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var fresh = await app.ConnectLinkAsync(Demo.Id);

        var purged = await app.Factory.Services.GetRequiredService<ConnectStates>().PurgeExpiredAsync(default);

        Assert.Equal(1, purged);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.BrowseAsync(new Uri(old.GetProperty("shareableLink").GetString()!))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.BrowseAsync(new Uri(fresh.GetProperty("shareableLink").GetString()!))).StatusCode);
    }

    [Fact]
    public async Task Callback_WhenGoogleRefusesTheCode_SaysSoAndStoresNothing()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = await app.ConnectLinkAsync(Demo.Id);
        var callback = await app.ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, "peluqueria.demo@gmail.com");
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query)["state"].ToString();

        var page = await app.Browser.GetAsync($"/api/oauth/google/callback?code=4%2F0A-made-up&state={state}");

        Assert.Equal(HttpStatusCode.BadGateway, page.StatusCode);
        Assert.Contains("No pudimos terminar la conexión", await page.Content.ReadAsStringAsync());
        Assert.Empty(app.Vault.RefreshTokens);
        Assert.False((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }

    [Theory]
    [InlineData(FakeGoogle.ClientId, "ana@example.com")]
    [InlineData("someone-else.apps.googleusercontent.com", null)]
    public void EmailFromIdToken_ReadsTheEmailOnlyWhenTheTokenIsForUs(string audience, string? expected)
    {
        static string Part(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
        var idToken = $"{Part("{\"alg\":\"RS256\"}")}.{Part($"{{\"aud\":\"{audience}\",\"email\":\"ana@example.com\"}}")}.sig";

        Assert.Equal(expected, CalendarConnector.EmailFromIdToken(idToken, FakeGoogle.ClientId));
        Assert.Null(CalendarConnector.EmailFromIdToken("garbage", FakeGoogle.ClientId));
    }
}
