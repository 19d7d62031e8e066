using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Booking;

[Collection("Azurite")]
public sealed class CancelAndRescheduleTests(AzuriteFixture azurite) : AppTests(azurite)
{
    private async Task<Appointment> BookAsync(string service, string professional, DateTimeOffset start, int customer = 1) =>
        Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request(service, professional, start, customer))).Appointment;

    [Fact]
    public async Task CancelAsync_Booked_MarksCancelledAndFreesTheTime()
    {
        var a = await BookAsync("corte", "carlos", Demo.Tuesday10);

        var result = await Booking.CancelAsync(Demo.Id, a.Id);

        Assert.Equal(AppointmentStatus.Cancelled, Assert.IsType<CancelResult.Cancelled>(result).Appointment.Status);
        Assert.Equal(AppointmentStatus.Cancelled, (await Appointments.GetAsync(Demo.Id, a.Id, default))?.Appointment.Status);
        await BookAsync("corte", "carlos", Demo.Tuesday10, customer: 2);
    }

    [Fact]
    public async Task CancelAsync_Twice_SecondChangesNothing()
    {
        var a = await BookAsync("corte", "carlos", Demo.Tuesday10);
        await Booking.CancelAsync(Demo.Id, a.Id);
        var other = await BookAsync("corte", "carlos", Demo.Tuesday10, customer: 2);

        var again = await Booking.CancelAsync(Demo.Id, a.Id);

        Assert.IsType<CancelResult.NotActive>(again);
        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked),
            await Booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10, customer: 3)));
        Assert.Equal(AppointmentStatus.Booked, (await Appointments.GetAsync(Demo.Id, other.Id, default))?.Appointment.Status);
        Assert.IsType<CancelResult.NotFound>(await Booking.CancelAsync(Demo.Id, "missing"));
    }

    [Fact]
    public async Task ConfirmAsync_Booked_KeepsItBookedWithTheFirstConfirmationTime()
    {
        var a = await BookAsync("corte", "carlos", Demo.Tuesday10);
        var first = App.Clock.GetUtcNow();

        var confirmed = Assert.IsType<ConfirmResult.Confirmed>(await Booking.ConfirmAsync(Demo.Id, a.Id)).Appointment;
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = Assert.IsType<ConfirmResult.Confirmed>(await Booking.ConfirmAsync(Demo.Id, a.Id)).Appointment;

        Assert.Equal((AppointmentStatus.Booked, first), (confirmed.Status, confirmed.ConfirmedUtc));
        Assert.Equal(first, again.ConfirmedUtc);
        Assert.Equal(confirmed, (await Appointments.GetAsync(Demo.Id, a.Id, default))?.Appointment);
    }

    [Fact]
    public async Task ConfirmAsync_CancelledOrMissing_ConfirmsNothing()
    {
        var a = await BookAsync("corte", "carlos", Demo.Tuesday10);
        await Booking.CancelAsync(Demo.Id, a.Id);

        var result = await Booking.ConfirmAsync(Demo.Id, a.Id);

        Assert.Null(Assert.IsType<ConfirmResult.NotActive>(result).Appointment.ConfirmedUtc);
        Assert.Null((await Appointments.GetAsync(Demo.Id, a.Id, default))?.Appointment.ConfirmedUtc);
        Assert.IsType<ConfirmResult.NotFound>(await Booking.ConfirmAsync(Demo.Id, "missing"));
    }

    [Fact]
    public async Task RescheduleAsync_ToAFreeTime_BooksTheNewAndMarksTheOriginal()
    {
        var a = await BookAsync("corte", "carlos", Demo.Tuesday10);

        var result = Assert.IsType<RescheduleResult.Rescheduled>(await Booking.RescheduleAsync(Demo.Id, a.Id, Demo.Tuesday10.AddDays(1), "lucia"));

        Assert.Equal(("lucia", Demo.Tuesday10.AddDays(1), a.Id), (result.Replacement.ProfessionalId, result.Replacement.StartUtc, result.Replacement.RescheduledFromId));
        var original = (await Appointments.GetAsync(Demo.Id, a.Id, default))!.Value.Appointment;
        Assert.Equal((AppointmentStatus.Rescheduled, result.Replacement.Id), (original.Status, original.RescheduledToId));
        await BookAsync("corte", "carlos", Demo.Tuesday10, customer: 2); // the old time is free again
        Assert.IsType<RescheduleResult.NotActive>(await Booking.RescheduleAsync(Demo.Id, a.Id, Demo.Tuesday10.AddHours(3)));
    }

    [Fact]
    public async Task RescheduleAsync_OverlappingItsOwnTime_Succeeds()
    {
        var a = await BookAsync("coloracion", "lucia", Demo.Tuesday10); // 10:00–11:30

        var result = await Booking.RescheduleAsync(Demo.Id, a.Id, Demo.Tuesday10.AddMinutes(30));

        var moved = Assert.IsType<RescheduleResult.Rescheduled>(result).Replacement;
        Assert.Equal((Demo.Tuesday10.AddMinutes(30), Demo.Tuesday10.AddMinutes(120)), (moved.StartUtc, moved.EndUtc));
        await BookAsync("corte", "lucia", Demo.Tuesday10, customer: 2); // 10:00 was released
        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked),
            await Booking.BookAsync(Demo.Request("corte", "lucia", Demo.Tuesday10.AddMinutes(90), customer: 3)));
    }

    [Fact]
    public async Task RescheduleAsync_ToATakenTime_KeepsTheOriginal()
    {
        var a = await BookAsync("corte", "carlos", Demo.Tuesday10);
        await BookAsync("corte", "carlos", Demo.Tuesday10.AddHours(1), customer: 2);

        var result = await Booking.RescheduleAsync(Demo.Id, a.Id, Demo.Tuesday10.AddHours(1));

        Assert.Equal(new RescheduleResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked), result);
        Assert.Equal(AppointmentStatus.Booked, (await Appointments.GetAsync(Demo.Id, a.Id, default))?.Appointment.Status);
        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked),
            await Booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10, customer: 3)));
    }

    [Fact]
    public async Task RescheduleAsync_VisitAfterTheCatalogsDurationsChanged_KeepsTheLengthsItWasBookedWith()
    {
        var visit = Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(
            Demo.Request("corte", "carlos", Demo.Tuesday10) with { ServiceIds = ["corte", "barba"] })).Appointment; // 10:00–10:30–10:50
        var catalog = App.Get<CatalogStore>();
        var snapshot = (await catalog.GetSnapshotAsync(Demo.Id))!;
        await catalog.SaveAsync(new BusinessSnapshot(snapshot.Business,
            [.. snapshot.Services.Select(s => s.Id is "corte" or "barba" ? s with { DurationMinutes = 60 } : s)], snapshot.Professionals, snapshot.Blocks));
        var two = Demo.Tuesday10.AddHours(4);

        var moved = Assert.IsType<RescheduleResult.Rescheduled>(await Booking.RescheduleAsync(Demo.Id, visit.Id, two)).Replacement;

        Assert.Equal([("corte", "carlos", two, two.AddMinutes(30)), ("barba", "carlos", two.AddMinutes(30), two.AddMinutes(50))],
            moved.Visit.Select(s => (s.ServiceId, s.ProfessionalId, s.StartUtc, s.EndUtc)));
        Assert.Equal(two.AddMinutes(50), moved.EndUtc);
        await BookAsync("corte", "carlos", two.AddMinutes(50), customer: 2); // 14:50 is free: the visit holds 50 minutes, not 120
    }
}
