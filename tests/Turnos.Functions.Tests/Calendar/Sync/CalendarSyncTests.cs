using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Functions.Availability;
using Turnos.Functions.Booking;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Sync;

/// <summary>Booking keeps the business's Google calendar in step through the outbox, without ever waiting
/// long for Google or losing work when it is down.</summary>
[Collection("Azurite")]
public sealed class CalendarSyncTests : IAsyncLifetime
{
    private readonly TurnosFactory _root;
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<LocalHostOptions> _app;
    private readonly ScriptedCalendar _calendar = new();

    public CalendarSyncTests(AzuriteFixture azurite)
    {
        _root = new TurnosFactory(azurite);
        _app = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IGoogleCalendar>();
            s.AddSingleton<IGoogleCalendar>(_calendar);
        }));
    }

    private T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public Task InitializeAsync() { _ = _app.Services; return Task.CompletedTask; }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _root.DisposeAsync();
    }

    private async Task<Appointment> BookAsync(string professional = "carlos", DateTimeOffset? start = null) =>
        Assert.IsType<BookingResult.Booked>(await Get<BookingService>().BookAsync(
            Demo.Request("corte", professional, start ?? Demo.Tuesday10))).Appointment;

    [Fact]
    public async Task Book_CalendarAnswers_EventCreatedAtOnceWithInvitesAndTheOutboxIsEmpty()
    {
        var a = await BookAsync();

        var e = Assert.Single(_calendar.Upserts);
        Assert.Equal(("tn" + a.Id, a.StartUtc, a.EndUtc, "America/Argentina/Buenos_Aires"), (e.EventId, e.StartUtc, e.EndUtc, e.TimeZoneId));
        Assert.Equal(["carlos@peluqueria-demo.example", "cliente1@example.com"], e.AttendeeEmails);
        Assert.Equal("Corte de cabello — Cliente 1", e.Summary);
        Assert.Contains(a.Code, e.Description);
        Assert.Contains("+14155238886", e.Description);
        Assert.Equal("tn" + a.Id, (await Get<AppointmentStore>().GetAsync(Demo.Id, a.Id, default))?.Appointment.CalendarEventId);
        Assert.Equal(0, await Get<CalendarSweeper>().SweepOnceAsync(default));
    }

    [Fact]
    public async Task Book_GoogleDown_BookingStandsAndTheSweeperRetriesWithBackOff()
    {
        _calendar.Answer = CalendarCallOutcome.Transient;
        var a = await BookAsync();
        Assert.Single(_calendar.Upserts);

        Assert.Equal(0, await Get<CalendarSweeper>().SweepOnceAsync(default)); // not due yet: one minute back-off
        _root.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Get<CalendarSweeper>().SweepOnceAsync(default));
        _root.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Get<CalendarSweeper>().SweepOnceAsync(default)); // second wait is two minutes

        _calendar.Answer = CalendarCallOutcome.Done;
        _root.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Get<CalendarSweeper>().SweepOnceAsync(default));
        Assert.Equal(3, _calendar.Upserts.Count);
        Assert.Equal("tn" + a.Id, (await Get<AppointmentStore>().GetAsync(Demo.Id, a.Id, default))?.Appointment.CalendarEventId);
        _root.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Get<CalendarSweeper>().SweepOnceAsync(default));
    }

    [Fact]
    public async Task Book_GoogleHangs_ConfirmationWaitsOnlyTheBudgetAndTheSweeperFinishesAfterTheLease()
    {
        _calendar.Delay = TimeSpan.FromSeconds(30);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await BookAsync();
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, AppointmentSync.Budget + TimeSpan.FromSeconds(3));
        Assert.Empty(_calendar.Upserts);

        _calendar.Delay = TimeSpan.Zero;
        Assert.Equal(0, await Get<CalendarSweeper>().SweepOnceAsync(default)); // still leased by the abandoned push
        _root.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Get<CalendarSweeper>().SweepOnceAsync(default));
        Assert.Single(_calendar.Upserts);
    }

    [Fact]
    public async Task Sweep_WorkQueuedBeforeTheAppointmentExists_WaitsForItThenGivesUp()
    {
        await Get<CalendarOutbox>().EnqueueAsync(Demo.Id, "never-committed", default);

        Assert.Equal(1, await Get<CalendarSweeper>().SweepOnceAsync(default)); // not committed yet: retried
        _root.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await Get<CalendarSweeper>().SweepOnceAsync(default)); // long gone: dropped
        _root.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Get<CalendarSweeper>().SweepOnceAsync(default));
        Assert.Empty(_calendar.Upserts);
    }

    [Fact]
    public async Task CancelAndReschedule_UpdateTheSameEvent()
    {
        var a = await BookAsync();
        var moved = Assert.IsType<RescheduleResult.Rescheduled>(
            await Get<BookingService>().RescheduleAsync(Demo.Id, a.Id, Demo.Tuesday10.AddHours(2))).Replacement;
        Assert.Equal(["tn" + a.Id, "tn" + a.Id], _calendar.Upserts.Select(e => e.EventId));
        Assert.Equal(Demo.Tuesday10.AddHours(2), _calendar.Upserts.Last().StartUtc);

        Assert.IsType<CancelResult.Cancelled>(await Get<BookingService>().CancelAsync(Demo.Id, moved.Id));
        Assert.Equal(["tn" + a.Id], _calendar.Cancels);
    }

    [Fact]
    public async Task Sweep_CalendarRefusesForGood_TheWorkIsListedAsFailed()
    {
        _calendar.Answer = CalendarCallOutcome.Failed;
        var a = await BookAsync();

        _root.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Get<CalendarSweeper>().SweepOnceAsync(default));
        Assert.Equal([(a.Id, "scripted")], await Get<CalendarOutbox>().ListFailedAsync(Demo.Id, default));
    }

    [Fact]
    public async Task Sweep_TwoSweepersAtOnce_EachRowWorkedOnOnce()
    {
        _calendar.Answer = CalendarCallOutcome.Transient;
        for (var i = 0; i < 6; i++) await BookAsync(start: Demo.Tuesday10.AddMinutes(30 * i));
        _calendar.Answer = CalendarCallOutcome.Done;
        _root.Clock.Advance(TimeSpan.FromMinutes(1));

        var counts = await Task.WhenAll(Get<CalendarSweeper>().SweepOnceAsync(default), Get<CalendarSweeper>().SweepOnceAsync(default));

        Assert.Equal(6, counts.Sum());
        Assert.Equal(12, _calendar.Upserts.Count); // 6 failed pushes + 6 sweeps, none twice
    }

    [Fact]
    public async Task Book_SlotJustBusyInGoogle_IsRefusedEvenWhileAvailabilityStillShowsItFree()
    {
        var query = new AvailabilityQuery("corte", "carlos", new DateOnly(2026, 11, 24), ExactTime: new TimeOnly(10, 0));
        var before = await Get<AvailabilityService>().GetAsync(Demo.Id, query);
        Assert.True(before!.Result!.Days[0].Professionals[0].Slots[0].Available);

        _calendar.BusinessBusy.Add(new CalendarBusy(Demo.Tuesday10, Demo.Tuesday10.AddHours(1)));

        var cached = await Get<AvailabilityService>().GetAsync(Demo.Id, query);
        Assert.True(cached!.Result!.Days[0].Professionals[0].Slots[0].Available); // the short cache has not seen it yet
        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked),
            await Get<BookingService>().BookAsync(Demo.Request("corte", null, Demo.Tuesday10)));
        _root.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await Get<AvailabilityService>().GetAsync(Demo.Id, query);
        Assert.False(later!.Result!.Days[0].Professionals[0].Slots[0].Available);
    }
}
