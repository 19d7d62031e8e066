using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using static Turnos.Functions.Tests.Booking.Schedule.ScheduleRows;

namespace Turnos.Functions.Tests.Sweeping;

/// <summary>What a process that died half-way left held in the schedule is released by the sweep; booked time stays.</summary>
[Collection("Azurite")]
public sealed class ScheduleSweepTests(AzuriteFixture azurite) : AppTests(azurite)
{
    private ScheduleStore Schedule => App.Get<ScheduleStore>();

    private async Task<int> SweepAsync() => Assert.Single((await App.Get<Sweeper>().RunAsync(default)).Jobs, j => j.Job == "schedule").Count;

    private async Task<List<string?>> HoldersAsync() =>
        [.. (await TuesdayAsync(App.Get<TurnosTables>())).Select(r => r.GetString("AppointmentId")).Distinct().Order()];

    [Fact]
    public async Task Sweep_LocksOfAnAppointmentNeverCommitted_AreReleasedOnceItCannotBeInFlight()
    {
        var booked = Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("corte", "carlos", At(12)))).Appointment;
        // Locks taken, then the process died before committing the appointment.
        var orphan = Booked(At(10), App.Clock.GetUtcNow(), ("manicura", "sofia", 45), ("corte", "carlos", 30));
        Assert.True(await Schedule.TryHoldAsync(orphan, default));

        Assert.Equal(0, await SweepAsync()); // it may still be committing
        App.Clock.Advance(ScheduleSweep.OrphanAfter + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await SweepAsync());

        Assert.Equal([booked.Id], await HoldersAsync());
        Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("corte", "carlos", At(10, 45), customer: 2)));
    }

    [Fact]
    public async Task Sweep_CancelledBeforeItsLocksWereReleased_ReleasesThem()
    {
        var a = Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("corte", "carlos", At(10)))).Appointment;
        var (stored, etag) = (await Appointments.GetAsync(Demo.Id, a.Id, default))!.Value;
        Assert.True(await Appointments.TryUpdateAsync(stored with { Status = AppointmentStatus.Cancelled }, etag, default));

        Assert.Equal(1, await SweepAsync());

        Assert.Empty(await HoldersAsync());
    }

    [Fact]
    public async Task Sweep_RescheduledBeforeTheOldTimeWasHandedOver_FinishesTheHandOver()
    {
        var old = Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("coloracion", "carlos", At(10)))).Appointment;
        var (stored, etag) = (await Appointments.GetAsync(Demo.Id, old.Id, default))!.Value;
        // A move onto part of its own time, committed; the process died before handing the old time over.
        var replacement = Booked(At(11), App.Clock.GetUtcNow(), ("coloracion", "carlos", 90)) with { RescheduledFromId = old.Id };
        Assert.True(await Schedule.TryMoveAsync(old, replacement, default));
        var moved = stored with { Status = AppointmentStatus.Rescheduled, RescheduledToId = replacement.Id };
        Assert.Equal(AppointmentStore.CommitOutcome.Committed, await Appointments.CommitAsync(replacement, null, (moved, etag), default));

        Assert.Equal(1, await SweepAsync());

        Assert.Equal(Keys(ScheduleStore.HoldRows(replacement)), Keys(await TuesdayAsync(App.Get<TurnosTables>())));
        Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("corte", "carlos", At(10), customer: 2)));
        Assert.Equal(0, await SweepAsync());
    }
}
