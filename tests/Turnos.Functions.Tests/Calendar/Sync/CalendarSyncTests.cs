using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Functions.Availability;
using Turnos.Functions.Booking;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Sync;

/// <summary>Booking keeps the business's Google calendar in step through the outbox and the calendar orchestration,
/// retrying while Google is down, settling what is done and listing what failed for good.</summary>
[Collection("Azurite")]
public sealed class CalendarSyncTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ScriptedCalendarApp _app = null!;

    private ScriptedCalendar Calendar => _app.Calendar;

    private BookingService Booking => _app.Booking;

    public Task InitializeAsync()
    {
        _app = new ScriptedCalendarApp(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Book_CalendarAnswers_EventCreatedWithInvitesAndTheOutboxRowGone()
    {
        var a = await _app.BookAsync();
        Assert.Equal((true, false), (await _app.IntentAsync(a.Id)) is { } i ? (i.Ready, i.Failed) : default); // written with the booking

        await _app.SyncAsync(a.Id);

        var e = Assert.Single(Calendar.Upserts);
        Assert.Equal(("tn" + a.Id, a.StartUtc, a.EndUtc, "America/Argentina/Buenos_Aires"), (e.EventId, e.StartUtc, e.EndUtc, e.TimeZoneId));
        Assert.Equal(["carlos@peluqueria-demo.example", "cliente1@example.com"], e.AttendeeEmails);
        Assert.Equal("Corte de cabello — Cliente 1", e.Summary);
        Assert.Contains(a.Code, e.Description);
        Assert.Contains("+14155238886", e.Description);
        Assert.Equal("tn" + a.Id, (await _app.Get<AppointmentStore>().GetAsync(Demo.Id, a.Id, default))?.Appointment.CalendarEventId);
        Assert.Null(await _app.IntentAsync(a.Id));
    }

    [Fact]
    public async Task BookVisit_EventNamesEveryServiceAndInvitesEveryProfessional()
    {
        await Booking.BookAsync(Demo.Request("coloracion", "lucia", Demo.Tuesday10, customer: 2));
        var visit = Demo.Request("manicura", null, Demo.Tuesday10) with { ServiceIds = ["manicura", "corte"] };
        var a = Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(visit)).Appointment;

        await _app.SyncAsync(a.Id);

        var e = Calendar.Upserts.Last();
        Assert.Equal("Manicura + Corte de cabello — Cliente 1", e.Summary);
        Assert.Contains("• 10:00 Manicura con Sofía Gómez\n• 10:45 Corte de cabello con Carlos Ramírez", e.Description);
        Assert.Equal((a.StartUtc, a.StartUtc.AddMinutes(75)), (e.StartUtc, e.EndUtc));
        Assert.Equal(["sofia@peluqueria-demo.example", "carlos@peluqueria-demo.example", "cliente1@example.com"], e.AttendeeEmails);
    }

    [Fact]
    public async Task BookVisitInAnEnglishConversation_EventInEnglish_AndStillAfterAMove()
    {
        var visit = Demo.Request("manicura", null, Demo.Tuesday10) with { ServiceIds = ["manicura", "corte"], Team = ["sofia", "carlos"], Language = Language.En };
        var a = Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(visit)).Appointment;

        await _app.SyncAsync(a.Id);

        var e = Calendar.Upserts.Last();
        Assert.Equal("Manicura + Corte de cabello — Cliente 1", e.Summary);
        Assert.StartsWith($"Booking {a.Code} made with Turnos.\nCustomer: Cliente 1 (+5491100000001)\nWith: Sofía Gómez and Carlos Ramírez\n" +
            "Appointment: Tuesday, November 24 at 10:00 AM\nServices:\n• 10:00 AM Manicura with Sofía Gómez\n• 10:45 AM Corte de cabello with Carlos Ramírez\n" +
            "To change or cancel it, write on WhatsApp to +14155238886", e.Description);

        var moved = Assert.IsType<RescheduleResult.Rescheduled>(await Booking.RescheduleAsync(Demo.Id, a.Id, Demo.Tuesday10.AddHours(4))).Replacement;
        await _app.SyncAsync(moved.Id);

        Assert.Contains("Appointment: Tuesday, November 24 at 2:00 PM", Calendar.Upserts.Last().Description);
    }

    [Fact]
    public async Task Book_GoogleDownForAWhile_RetriedUntilItAnswers()
    {
        Calendar.FailNext = 2;
        var a = await _app.BookAsync();

        await _app.SyncAsync(a.Id);

        Assert.Equal(3, Calendar.Upserts.Count);
        Assert.Equal("tn" + a.Id, (await _app.Get<AppointmentStore>().GetAsync(Demo.Id, a.Id, default))?.Appointment.CalendarEventId);
        Assert.Null(await _app.IntentAsync(a.Id));
        Assert.Empty(await _app.Outbox.ListFailedAsync(Demo.Id, default));
    }

    [Fact]
    public async Task GoogleDownThroughEveryRetry_ListedAsFailed_AndTheNextChangeTriesAgain()
    {
        Calendar.Answer = CalendarCallOutcome.Transient;
        var a = await _app.BookAsync();

        await _app.SyncAsync(a.Id);

        Assert.Equal(4, Calendar.Upserts.Count); // Calendar:SyncAttempts
        Assert.Equal([(a.Id, "scripted")], await _app.Outbox.ListFailedAsync(Demo.Id, default));
        Calendar.Answer = CalendarCallOutcome.Done;
        Assert.IsType<CancelResult.Cancelled>(await Booking.CancelAsync(Demo.Id, a.Id));
        await _app.SyncAsync(a.Id);
        Assert.Equal(["tn" + a.Id], Calendar.Cancels);
        Assert.Empty(await _app.Outbox.ListFailedAsync(Demo.Id, default));
    }

    [Fact]
    public async Task CalendarRefusesForGood_NotRetried_ListedAsFailed()
    {
        Calendar.Answer = CalendarCallOutcome.Failed;
        var a = await _app.BookAsync();

        await _app.SyncAsync(a.Id);

        Assert.Single(Calendar.Upserts);
        Assert.Equal([(a.Id, "scripted")], await _app.Outbox.ListFailedAsync(Demo.Id, default));
    }

    [Fact]
    public async Task AppointmentChangedWhileGoogleWasBeingCalled_TheNewerChangeIsSyncedToo()
    {
        Calendar.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = await _app.BookAsync();
        await _app.StartAsync(a.Id);
        await CalendarWaits.UntilAsync(() => Calendar.EventCalls == 1, "the upsert to reach Google");

        Assert.IsType<CancelResult.Cancelled>(await Booking.CancelAsync(Demo.Id, a.Id));
        await _app.StartAsync(a.Id); // the instance is running: nothing new starts
        Calendar.Gate.SetResult();
        await _app.Client.CalendarDoneAsync(Demo.Id, a.Id);

        Assert.Single(Calendar.Upserts);
        Assert.Equal(["tn" + a.Id], Calendar.Cancels);
        Assert.Null(await _app.IntentAsync(a.Id));
    }

    [Fact]
    public async Task CancelAndReschedule_UpdateTheSameEvent()
    {
        var a = await _app.BookAsync();
        await _app.SyncAsync(a.Id);
        var moved = Assert.IsType<RescheduleResult.Rescheduled>(await Booking.RescheduleAsync(Demo.Id, a.Id, Demo.Tuesday10.AddHours(2))).Replacement;
        await _app.SyncAsync(moved.Id);
        Assert.Equal(["tn" + a.Id, "tn" + a.Id], Calendar.Upserts.Select(e => e.EventId));
        Assert.Equal(Demo.Tuesday10.AddHours(2), Calendar.Upserts.Last().StartUtc);

        Assert.IsType<CancelResult.Cancelled>(await Booking.CancelAsync(Demo.Id, moved.Id));
        await _app.SyncAsync(moved.Id);
        Assert.Equal(["tn" + a.Id], Calendar.Cancels);
    }

    [Fact]
    public async Task Book_SlotJustBusyInGoogle_IsRefusedEvenWhileAvailabilityStillShowsItFree()
    {
        var query = new AvailabilityQuery("corte", "carlos", new DateOnly(2026, 11, 24), ExactTime: new TimeOnly(10, 0));
        var before = await _app.Get<AvailabilityService>().GetAsync(Demo.Id, query);
        Assert.True(before!.Result!.Days[0].Professionals[0].Slots[0].Available);

        Calendar.BusinessBusy.Add(new CalendarBusy(Demo.Tuesday10, Demo.Tuesday10.AddHours(1)));

        var cached = await _app.Get<AvailabilityService>().GetAsync(Demo.Id, query);
        Assert.True(cached!.Result!.Days[0].Professionals[0].Slots[0].Available); // the short cache has not seen it yet
        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked),
            await Booking.BookAsync(Demo.Request("corte", null, Demo.Tuesday10)));
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await _app.Get<AvailabilityService>().GetAsync(Demo.Id, query);
        Assert.False(later!.Result!.Days[0].Professionals[0].Slots[0].Available);
    }
}
