using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Calendar.Sync;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

/// <summary>No calendar change is lost: not while Google is down, not when the process dies between the booking and
/// Google's answer. Each event exists once in the fake Google, inserted once.</summary>
[Collection("Azurite")]
public sealed class CalendarDurabilityTests(AzuriteFixture azurite)
{
    private const string Account = "peluqueria.demo@gmail.com";
    private const string Appointments = "/api/admin/businesses/demo/appointments";

    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Calendar:SyncAttempts"] = "6",
        ["Calendar:SyncFirstRetrySeconds"] = "0.05",
    };

    [Fact]
    public async Task GoogleDownDuringABooking_TheEventIsCreatedWhenItIsBack_Once()
    {
        await using var app = await ConnectedAsync(QuickRetries);
        app.Google.Fail("events", 503, times: 3);

        var booked = await (await app.Admin.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);
        var id = booked.Str("id");
        await app.Durable.CalendarDoneAsync(Demo.Id, id);

        Assert.NotNull(app.Google.EventOf(Account, "tn" + id));
        Assert.Equal(3, app.Google.FaultsServed); // three 503s
        Assert.Equal("POST", Assert.Single(app.Google.CallsTo("events")).Method); // one insert
        Assert.Empty((await app.StatusAsync(Demo.Id)).GetProperty("failedEvents").EnumerateArray());
        Assert.Empty(app.Google.Violations);
    }

    [Fact]
    public async Task ProcessDiesBetweenTheBookingAndTheCalendarCall_TheEventStillAppears_Once()
    {
        // Retries an hour apart: the first app dies while its orchestration waits for one.
        var app = await ConnectedAsync(new Dictionary<string, string?> { ["Calendar:SyncFirstRetrySeconds"] = "3600" });
        await using var first = app;
        app.Google.Fail("events", 503);
        var waiting = await (await app.Admin.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);
        await CalendarWaits.UntilAsync(() => app.Google.FaultsServed == 1, "the first try to meet Google down");
        // Booked and committed, but the process dies before the function starts its calendar work.
        var unstarted = Assert.IsType<BookingResult.Booked>(await app.Factory.Services.GetRequiredService<BookingService>()
            .BookAsync(Demo.Request("corte", "lucia", Demo.Tuesday10, customer: 2))).Appointment;

        await using var again = await app.RestartAsync(QuickRetries);
        again.Clock.Advance(CalendarReconciliation.Grace + TimeSpan.FromSeconds(1));
        var started = await again.Factory.Services.GetRequiredService<CalendarReconciliation>().RunAsync(again.Durable, default);
        await again.Durable.CalendarDoneAsync(Demo.Id, waiting.Str("id"));
        await again.Durable.CalendarDoneAsync(Demo.Id, unstarted.Id);

        Assert.Equal(2, started);
        Assert.NotNull(again.Google.EventOf(Account, "tn" + waiting.Str("id")));
        Assert.NotNull(again.Google.EventOf(Account, "tn" + unstarted.Id));
        Assert.Equal(["POST", "POST"], again.Google.CallsTo("events").Select(c => c.Method)); // one insert each
        Assert.Null(await again.Factory.Services.GetRequiredService<CalendarOutbox>().FindAsync(Demo.Id, unstarted.Id, default));
    }

    [Fact]
    public async Task AdminRescheduleAndCancel_MoveAndCancelTheSameEvent()
    {
        await using var app = await ConnectedAsync(QuickRetries);
        var id = (await (await app.Admin.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created)).Str("id");
        await app.Durable.CalendarDoneAsync(Demo.Id, id);

        var moved = (await (await app.Admin.PostJsonAsync($"{Appointments}/{id}/reschedule", new { start = "2026-11-24T15:00" }))
            .JsonAsync(HttpStatusCode.OK)).Str("id");
        await app.Durable.CalendarDoneAsync(Demo.Id, moved);
        Assert.Equal("2026-11-24T15:00:00-03:00", app.Google.EventOf(Account, "tn" + id)!["start"]!["dateTime"]!.GetValue<string>());

        await (await app.Admin.PostAsync($"{Appointments}/{moved}/cancel", null)).JsonAsync(HttpStatusCode.OK);
        await app.Durable.CalendarDoneAsync(Demo.Id, moved);

        Assert.Equal("cancelled", app.Google.EventOf(Account, "tn" + id)!["status"]!.GetValue<string>());
        // Insert; the move's insert meets the event (409) and patches it; the cancel.
        Assert.Equal(["POST", "POST", "PATCH", "DELETE"], app.Google.CallsTo("events").Select(c => c.Method));
        Assert.Null(app.Google.EventOf(Account, "tn" + moved)); // the replacement moved the original's event
    }

    private async Task<GoogleApp> ConnectedAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = await GoogleApp.StartAsync(azurite, settings);
        await app.ConnectAsync(Demo.Id, Account);
        return app;
    }
}
