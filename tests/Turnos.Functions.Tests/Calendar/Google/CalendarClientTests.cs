using System.Diagnostics;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

[Collection("Azurite")]
public sealed class CalendarClientTests(AzuriteFixture azurite)
{
    private const string Account = "peluqueria.demo@gmail.com";
    private static readonly DateTimeOffset From = Demo.At(2026, 11, 24, 0), Until = Demo.At(2026, 11, 25, 0);

    [Fact]
    public async Task GetBusy_MapsTheBusinessAndEachProfessionalCalendar()
    {
        await using var app = await ConnectedAsync();
        app.Google.Busy[Account] = [(Demo.At(2026, 11, 24, 10), Demo.At(2026, 11, 24, 11))];
        app.Google.Busy["lucia@example.com"] = [(Demo.At(2026, 11, 24, 15), Demo.At(2026, 11, 24, 16)), (Demo.At(2026, 11, 26, 9), Demo.At(2026, 11, 26, 10))];
        app.Google.HiddenCalendars.Add("carlos@example.com");

        var busy = await app.Calendar.GetBusyAsync(Demo.Id, ["lucia@example.com", "carlos@example.com", "lucia@example.com"], From, Until, default);

        Assert.NotNull(busy);
        Assert.Equal([new CalendarBusy(Demo.At(2026, 11, 24, 10), Demo.At(2026, 11, 24, 11))], busy.Business);
        Assert.Equal(["lucia@example.com"], busy.ByCalendar.Keys);
        Assert.Equal([new CalendarBusy(Demo.At(2026, 11, 24, 15), Demo.At(2026, 11, 24, 16))], busy.ByCalendar["lucia@example.com"]);
        var query = Assert.Single(app.Google.CallsTo("freeBusy")).Body!;
        Assert.Equal("2026-11-24T03:00:00Z", query["timeMin"]!.GetValue<string>());
        Assert.Equal("2026-11-25T03:00:00Z", query["timeMax"]!.GetValue<string>());
        Assert.Equal(["primary", "lucia@example.com", "carlos@example.com"], query["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GetBusy_AfterTurnosBookedAnEvent_DoesNotReportItAsBusy()
    {
        await using var app = await ConnectedAsync();
        await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);

        var busy = await app.Calendar.GetBusyAsync(Demo.Id, [], From, Until, default);

        Assert.Empty(busy!.Business);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Calls_WhenGoogleIsBusyOrDown_AreTransient(int status)
    {
        await using var app = await ConnectedAsync();

        app.Google.Fail("events", status);
        var insert = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);
        app.Google.Fail("events", status);
        var cancel = await app.Calendar.CancelEventAsync(Demo.Id, "tn0123abcd", default);
        app.Google.Fail("freeBusy", status);
        var busy = await app.Calendar.GetBusyAsync(Demo.Id, [], From, Until, default);

        Assert.Equal(CalendarCallOutcome.Transient, insert.Outcome);
        Assert.Contains($"HTTP {status}", insert.Error);
        Assert.Equal(CalendarCallOutcome.Transient, cancel.Outcome);
        Assert.Null(busy);
        Assert.True((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Calls_WhenGoogleIsSlow_AreTransientWithinTheBudget()
    {
        await using var app = await ConnectedAsync(new Dictionary<string, string?> { ["Google:RequestTimeoutSeconds"] = "1" });
        app.Google.Delay("events", TimeSpan.FromSeconds(10));

        var watch = Stopwatch.StartNew();
        var result = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);
        watch.Stop();

        Assert.Equal(CalendarCallOutcome.Transient, result.Outcome);
        Assert.Contains("within 1 s", result.Error);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        app.Google.Delay("freeBusy", TimeSpan.FromSeconds(10));
        Assert.Null(await app.Calendar.GetBusyAsync(Demo.Id, [], From, Until, default));
    }

    [Fact]
    public async Task Calls_OfTwoBusinesses_EachCarryTheirOwnToken()
    {
        await using var app = await ConnectedAsync();
        await app.ConnectAsync(GoogleApp.Barber, "barberia.norte@gmail.com");

        foreach (var (business, account) in new[] { (Demo.Id, Account), (GoogleApp.Barber, "barberia.norte@gmail.com"), (Demo.Id, Account) })
        {
            Assert.NotNull(await app.Calendar.GetBusyAsync(business, [], From, Until, default));
            Assert.Equal(account, app.Google.Calls.Last().Account);
            Assert.Equal(CalendarCallOutcome.Done, (await app.Calendar.UpsertEventAsync(business, GoogleApp.Event("tn" + business.Length + "abcdef"), default)).Outcome);
            Assert.Equal(account, app.Google.Calls.Last().Account);
        }
        Assert.NotNull(app.Google.EventOf("barberia.norte@gmail.com", "tn8abcdef"));
        Assert.Null(app.Google.EventOf(Account, "tn8abcdef"));
        Assert.NotEqual(app.Vault.RefreshTokens[Demo.Id], app.Vault.RefreshTokens[GoogleApp.Barber]);
    }

    [Fact]
    public async Task Calls_WithAnExpiredOrRejectedAccessToken_RefreshOnceAndGoOn()
    {
        await using var app = await ConnectedAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(55)); // within the refresh margin of a one-hour token

        var afterExpiry = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);
        app.Google.ExpireAccessTokens(); // Google stops accepting it early
        var afterRejection = await app.Calendar.CancelEventAsync(Demo.Id, "tn0123abcd", default);

        Assert.Equal(CalendarCallOutcome.Done, afterExpiry.Outcome);
        Assert.Equal(CalendarCallOutcome.Done, afterRejection.Outcome);
        Assert.Equal(3, app.Google.IssuedSecrets.Count(s => s.StartsWith("ya29", StringComparison.Ordinal))); // connect, two refreshes
        Assert.Equal(["POST", "DELETE", "DELETE"], app.Google.CallsTo("events").Select(c => c.Method));
        Assert.Equal([Account, null, Account], app.Google.CallsTo("events").Select(c => c.Account));
        Assert.True((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Calls_ForABusinessNeverConnected_AreNotConnected()
    {
        await using var app = await ConnectedAsync();

        Assert.Null(await app.Calendar.GetBusyAsync(GoogleApp.Barber, [], From, Until, default));
        Assert.Equal(CalendarCallOutcome.NotConnected, (await app.Calendar.UpsertEventAsync(GoogleApp.Barber, GoogleApp.Event("tn0123abcd"), default)).Outcome);
        Assert.DoesNotContain(app.Google.Calls, c => c.Path.Contains("events", StringComparison.Ordinal));
    }

    private async Task<GoogleApp> ConnectedAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await GoogleApp.StartAsync(azurite, settings);
        await app.ConnectAsync(Demo.Id, Account);
        return app;
    }
}
