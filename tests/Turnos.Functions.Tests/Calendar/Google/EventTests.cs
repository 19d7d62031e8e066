using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

[Collection("Azurite")]
public sealed class EventTests(AzuriteFixture azurite)
{
    private const string Account = "peluqueria.demo@gmail.com";

    [Fact]
    public async Task Upsert_NewEvent_InsertsItTransparentWithInvitesAndMeet()
    {
        await using var app = await ConnectedAsync();

        var result = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd", meet: true), default);

        Assert.Equal(CalendarCallOutcome.Done, result.Outcome);
        var call = Assert.Single(app.Google.CallsTo("events"));
        Assert.Equal(("POST", "calendars/primary/events", "?sendUpdates=all&conferenceDataVersion=1"), (call.Method, call.Path, call.Query));
        var stored = app.Google.EventOf(Account, "tn0123abcd")!;
        Assert.Equal("transparent", stored["transparency"]!.GetValue<string>());
        Assert.Equal("2026-11-24T10:00:00-03:00", stored["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("America/Argentina/Buenos_Aires", stored["end"]!["timeZone"]!.GetValue<string>());
        Assert.Equal(["lucia@example.com", "ana@example.com"], stored["attendees"]!.AsArray().Select(a => a!["email"]!.GetValue<string>()));
        Assert.Equal("tn0123abcd", stored["conferenceData"]!["createRequest"]!["requestId"]!.GetValue<string>());
        Assert.NotNull(stored["hangoutLink"]);
        Assert.Empty(app.Google.Violations);
    }

    [Fact]
    public async Task Upsert_ExistingId_PatchesTheEventAndRevivesACancelledOne()
    {
        await using var app = await ConnectedAsync();
        await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);
        await app.Calendar.CancelEventAsync(Demo.Id, "tn0123abcd", default);

        var result = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd", hour: 15), default);

        Assert.Equal(CalendarCallOutcome.Done, result.Outcome);
        Assert.Equal(["POST", "DELETE", "POST", "PATCH"], app.Google.CallsTo("events").Select(c => c.Method));
        var patch = app.Google.CallsTo("events").Last();
        Assert.Equal(("calendars/primary/events/tn0123abcd", "?sendUpdates=all&conferenceDataVersion=1"), (patch.Path, patch.Query));
        var stored = app.Google.EventOf(Account, "tn0123abcd")!;
        Assert.Equal("confirmed", stored["status"]!.GetValue<string>());
        Assert.Equal("2026-11-24T15:00:00-03:00", stored["start"]!["dateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_GoneOrNeverThere_IsDone()
    {
        await using var app = await ConnectedAsync();
        await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);

        var first = await app.Calendar.CancelEventAsync(Demo.Id, "tn0123abcd", default);
        var again = await app.Calendar.CancelEventAsync(Demo.Id, "tn0123abcd", default); // 410
        var unknown = await app.Calendar.CancelEventAsync(Demo.Id, "tnffffffff", default); // 404

        Assert.Equal([CalendarCallOutcome.Done, CalendarCallOutcome.Done, CalendarCallOutcome.Done], [first.Outcome, again.Outcome, unknown.Outcome]);
        Assert.Equal("cancelled", app.Google.EventOf(Account, "tn0123abcd")!["status"]!.GetValue<string>());
        Assert.All(app.Google.CallsTo("events").Skip(1), c => Assert.Equal("?sendUpdates=all", c.Query));
        Assert.Empty(app.Google.Violations);
    }

    [Fact]
    public async Task Upsert_RefusedByGoogle_FailsAndShowsInTheStatusUntilASuccess()
    {
        await using var app = await ConnectedAsync();
        app.Google.Fail("events", 400);

        var refused = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);
        var status = await app.StatusAsync(Demo.Id);
        var ok = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tn0123abcd"), default);

        Assert.Equal(CalendarCallOutcome.Failed, refused.Outcome);
        Assert.StartsWith("events.insert: HTTP 400", refused.Error);
        Assert.StartsWith("events.insert: HTTP 400", status.GetProperty("lastError").GetString());
        Assert.Equal(CalendarCallOutcome.Done, ok.Outcome);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await app.StatusAsync(Demo.Id)).GetProperty("lastError").ValueKind);
    }

    [Theory]
    [InlineData("tn-abc-123")]
    [InlineData("tnWXYZ123")]
    [InlineData("tn12")]
    public async Task Upsert_WithAnIdGoogleWouldRefuse_FailsWithoutCallingGoogle(string id)
    {
        await using var app = await ConnectedAsync();

        var result = await app.Calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event(id), default);

        Assert.Equal(CalendarCallOutcome.Failed, result.Outcome);
        Assert.Empty(app.Google.CallsTo("events"));
    }

    private async Task<GoogleApp> ConnectedAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await GoogleApp.StartAsync(azurite, settings);
        await app.ConnectAsync(Demo.Id, Account);
        return app;
    }
}
