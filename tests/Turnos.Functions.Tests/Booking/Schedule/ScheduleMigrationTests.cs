using Azure.Data.Tables;
using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using static Turnos.Functions.Tests.Booking.Schedule.ScheduleRows;

namespace Turnos.Functions.Tests.Booking.Schedule;

/// <summary>Rows of the legacy layout (partition business|day|professional) are moved to the day's partition, and block
/// overlapping bookings before, during and after.</summary>
[Collection("Azurite")]
public sealed class ScheduleMigrationTests(AzuriteFixture azurite)
{
    private static readonly BookingResult Taken = new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked);

    [Fact]
    public async Task Start_MovesEveryLegacyRow_WhichKeepsBlockingUntilCancelled()
    {
        await using var app = new TurnosFactory(azurite);
        // The table as the previous version left it, before this version starts.
        var before = new TurnosTables(new TableServiceClient(azurite.ConnectionString, TableClientSetup.Options()), app.TablePrefix);
        await before.EnsureCreatedAsync(default);
        var plain = Booked(At(10), app.Clock.GetUtcNow(), ("corte", "carlos", 30));
        var visit = Booked(At(12), app.Clock.GetUtcNow(), ("manicura", "sofia", 45), ("corte", "carlos", 30));
        foreach (var a in new[] { plain, visit })
        {
            Assert.Equal(AppointmentStore.CommitOutcome.Committed, await new AppointmentStore(before).CommitAsync(a, null, null, default));
            await WriteAsync(before.Schedule, Legacy(a));
        }

        var tables = app.Get<TurnosTables>(); // starts the app

        Assert.Equal(Keys([.. ScheduleStore.HoldRows(plain), .. ScheduleStore.HoldRows(visit)]), Keys(await TuesdayAsync(tables)));
        var booking = app.Get<BookingService>();
        Assert.Equal(Taken, await booking.BookAsync(Demo.Request("corte", "carlos", At(10), customer: 2)));
        Assert.Equal(Taken, await booking.BookAsync(Demo.Request("manicura", "sofia", At(12, 30), customer: 3)));
        // The locks themselves, not only the check before them.
        Assert.False(await app.Get<ScheduleStore>().TryHoldAsync(Booked(At(12, 50), app.Clock.GetUtcNow(), ("barba", "carlos", 20)), default));

        Assert.IsType<CancelResult.Cancelled>(await booking.CancelAsync(Demo.Id, plain.Id));
        Assert.IsType<CancelResult.Cancelled>(await booking.CancelAsync(Demo.Id, visit.Id));
        Assert.Empty(await TuesdayAsync(tables));
        Assert.IsType<BookingResult.Booked>(await booking.BookAsync(Demo.Request("corte", "carlos", At(10), customer: 2)));
    }

    [Fact]
    public async Task Sweep_LegacyRowsAnOldInstanceWroteDuringADeploy_BlockBeforeAndAfterTheyAreMoved()
    {
        await using var app = new TurnosFactory(azurite);
        var tables = app.Get<TurnosTables>();
        var booking = app.Get<BookingService>();
        var visit = Booked(At(10), app.Clock.GetUtcNow(), ("manicura", "sofia", 45), ("corte", "carlos", 30));
        Assert.Equal(AppointmentStore.CommitOutcome.Committed, await app.Get<AppointmentStore>().CommitAsync(visit, null, null, default));
        await WriteAsync(tables.Schedule, Legacy(visit));

        // Not moved yet: the schedule read before the locks sees the legacy summary.
        Assert.Equal(Taken, await booking.BookAsync(Demo.Request("corte", "carlos", At(10, 45), customer: 2)));

        var report = await app.Get<Sweeper>().RunAsync(default);

        Assert.Equal(2, Assert.Single(report.Jobs, j => j.Job == "schedule").Count); // one legacy partition per professional
        Assert.Equal(Keys(ScheduleStore.HoldRows(visit)), Keys(await TuesdayAsync(tables)));
        Assert.Equal(Taken, await booking.BookAsync(Demo.Request("corte", "carlos", At(10, 45), customer: 2)));
        Assert.False(await app.Get<ScheduleStore>().TryHoldAsync(Booked(At(10, 30), app.Clock.GetUtcNow(), ("manicura", "sofia", 45)), default));
    }

    [Fact]
    public async Task Sweep_MoveInterruptedAfterAddingTheNewRows_FinishesWithoutDoublingAndThenHasNothingToDo()
    {
        await using var app = new TurnosFactory(azurite);
        var tables = app.Get<TurnosTables>();
        var plain = Booked(At(10), app.Clock.GetUtcNow(), ("corte", "carlos", 30));
        Assert.Equal(AppointmentStore.CommitOutcome.Committed, await app.Get<AppointmentStore>().CommitAsync(plain, null, null, default));
        await WriteAsync(tables.Schedule, Legacy(plain));
        // Where a run stopped between its two transactions: both layouts hold the appointment.
        await WriteAsync(tables.Schedule, ScheduleStore.HoldRows(plain).Select(r => { r.Remove("TakenUtc"); return r; }));

        await app.Get<Sweeper>().RunAsync(default);
        var second = await app.Get<Sweeper>().RunAsync(default);

        Assert.Equal(Keys(ScheduleStore.HoldRows(plain)), Keys(await TuesdayAsync(tables)));
        Assert.Equal(0, Assert.Single(second.Jobs, j => j.Job == "schedule").Count);
    }
}
