using Microsoft.Extensions.DependencyInjection;
using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

/// <summary>The whole chain with a connected business: booking puts the event (with invites) in its
/// Google calendar once its calendar work runs, Google busy times keep slots from being booked, cancelling cancels the event.</summary>
[Collection("Azurite")]
public sealed class BookingWithGoogleTests(AzuriteFixture azurite)
{
    private const string Account = "peluqueria.demo@gmail.com";

    [Fact]
    public async Task ConnectedBusiness_BookBusyAndCancel_GoThroughGoogle()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        await app.ConnectAsync(Demo.Id, Account);
        var booking = app.Factory.Services.GetRequiredService<BookingService>();

        var a = Assert.IsType<BookingResult.Booked>(await booking.BookAsync(Demo.Request("corte", "lucia", Demo.Tuesday10))).Appointment;
        await app.SyncCalendarAsync(Demo.Id, a.Id);

        var created = app.Google.EventOf(Account, "tn" + a.Id);
        Assert.NotNull(created);
        Assert.Equal("transparent", created["transparency"]?.GetValue<string>());
        Assert.Equal(["lucia@peluqueria-demo.example", "cliente1@example.com"],
            created["attendees"]!.AsArray().Select(x => x!["email"]!.GetValue<string>()));
        Assert.Contains(app.Google.CallsTo("events"), c => c.Query.Contains("sendUpdates=all"));

        app.Google.Busy[Account] = [(Demo.Tuesday10.AddHours(2), Demo.Tuesday10.AddHours(3))];
        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked),
            await booking.BookAsync(Demo.Request("corte", null, Demo.Tuesday10.AddHours(2), customer: 2)));

        Assert.IsType<CancelResult.Cancelled>(await booking.CancelAsync(Demo.Id, a.Id));
        await app.SyncCalendarAsync(Demo.Id, a.Id);
        Assert.Contains(app.Google.CallsTo("tn" + a.Id), c => c.Method == "DELETE");
    }
}
