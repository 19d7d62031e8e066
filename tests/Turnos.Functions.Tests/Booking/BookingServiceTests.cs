using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Functions.Availability;
using Turnos.Functions.Booking;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Booking;

[Collection("Azurite")]
public sealed class BookingServiceTests(AzuriteFixture azurite) : AppTests(azurite)
{


    [Fact]
    public async Task BookAsync_FreeSlot_StoresAppointmentCustomerAndHeldTime()
    {
        var result = await Booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10));

        var booked = Assert.IsType<BookingResult.Booked>(result);
        var a = booked.Appointment;
        Assert.False(booked.Replayed);
        Assert.Equal(("corte", "carlos", AppointmentStatus.Booked), (a.ServiceId, a.ProfessionalId, a.Status));
        Assert.Equal(Demo.Tuesday10.AddMinutes(30), a.EndUtc);
        Assert.Equal(new DateOnly(2026, 11, 24), a.WorkDay);
        Assert.True(BookingCode.IsWellFormed(a.Code));
        Assert.Equal(a, (await Appointments.GetAsync(Demo.Id, a.Id, default))?.Appointment);
        Assert.Equal(a.Id, (await Appointments.FindByCodeAsync(Demo.Id, a.Code.ToLowerInvariant(), default))?.Id);

        var customer = await App.Get<CustomerStore>().GetAsync(Demo.Id, Demo.Customer().Phone);
        Assert.Equal(("Cliente 1", "cliente1@example.com"), (customer?.Name, customer?.Email));
        Assert.Equal([a.Id], customer!.AppointmentIds);

        var outcome = await App.Get<AvailabilityService>().GetAsync(Demo.Id,
            new AvailabilityQuery("corte", "carlos", new DateOnly(2026, 11, 24), ExactTime: new TimeOnly(10, 0)));
        var slot = Assert.Single(outcome!.Result!.Days.Single().Professionals.Single().Slots);
        Assert.Equal((false, UnavailableReason.Booked, a.Id), (slot.Available, slot.Reason, slot.AppointmentId));
    }

    [Fact]
    public async Task BookAsync_TakenSlot_IsRefusedAsBooked()
    {
        Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("coloracion", "lucia", Demo.Tuesday10)));

        // Coloración runs 10:00–11:30, so 11:00 overlaps it.
        var result = await Booking.BookAsync(Demo.Request("corte", "lucia", Demo.Tuesday10.AddHours(1), customer: 2));

        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked), result);
        Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("corte", "lucia", Demo.Tuesday10.AddMinutes(90), customer: 2)));
    }

    [Fact]
    public async Task BookAsync_SameIdempotencyKey_ReturnsTheSameAppointment()
    {
        var first = Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("corte", null, Demo.Tuesday10, key: "msg-1")));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Booking.BookAsync(Demo.Request("corte", null, Demo.Tuesday10, key: "msg-1")))));

        Assert.All(concurrent, r =>
        {
            var again = Assert.IsType<BookingResult.Booked>(r);
            Assert.True(again.Replayed);
            Assert.Equal(first.Appointment.Id, again.Appointment.Id);
        });
        var stored = await Appointments.ListAsync(Demo.Id, Demo.Tuesday10.AddDays(-1), Demo.Tuesday10.AddDays(1), default);
        Assert.Single(stored);
    }

    [Fact]
    public async Task BookAsync_ConcurrentFirstRequestsWithOneKey_BookOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => Booking.BookAsync(Demo.Request("corte", null, Demo.Tuesday10.AddMinutes(30 * i), key: "same")))));

        var ids = results.Select(r => Assert.IsType<BookingResult.Booked>(r).Appointment.Id).Distinct();
        Assert.Single(ids);
        Assert.Single(await Appointments.ListAsync(Demo.Id, Demo.Tuesday10.AddDays(-1), Demo.Tuesday10.AddDays(1), default));
    }

    [Fact]
    public async Task BookAsync_AnyProfessional_PicksTheLeastBookedThenCatalogOrder()
    {
        async Task<string> BookAny(int minutes, int customer) =>
            Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(
                Demo.Request("corte", null, Demo.Tuesday10.AddMinutes(minutes), customer))).Appointment.ProfessionalId;

        Assert.Equal("carlos", await BookAny(0, 1));   // tie: catalog order
        Assert.Equal("lucia", await BookAny(30, 2));   // carlos has one that day
        Assert.Equal("carlos", await BookAny(60, 3));  // tie again
        Assert.Equal("lucia", await BookAny(60, 4));   // carlos is busy at 11:00
        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked), await Booking.BookAsync(
            Demo.Request("corte", null, Demo.Tuesday10.AddMinutes(60), 5)));
    }

    public static TheoryData<string, string?, int, int, int, int, int, BookingRefusal, UnavailableReason?> Refusals => new()
    {
        { "corte", "carlos", 11, 24, 20, 0, 0, BookingRefusal.SlotUnavailable, UnavailableReason.OutsideHours },
        { "corte", "carlos", 11, 28, 14, 0, 0, BookingRefusal.SlotUnavailable, UnavailableReason.OutsideHours }, // Saturday afternoon
        { "corte", "carlos", 11, 29, 10, 0, 0, BookingRefusal.SlotUnavailable, UnavailableReason.ClosedDay },    // Sunday
        { "corte", "carlos", 11, 20, 10, 0, 0, BookingRefusal.SlotUnavailable, UnavailableReason.Past },
        { "corte", "carlos", 11, 23, 12, 30, 0, BookingRefusal.SlotUnavailable, UnavailableReason.TooSoon },
        { "corte", "carlos", 11, 24, 10, 0, 1, BookingRefusal.SlotUnavailable, UnavailableReason.BeyondHorizon }, // + 63 days, a Tuesday
        { "corte", "carlos", 11, 24, 10, 2, 0, BookingRefusal.InvalidStart, null },
        { "nope", null, 11, 24, 10, 0, 0, BookingRefusal.UnknownService, null },
        { "corte", "nadie", 11, 24, 10, 0, 0, BookingRefusal.UnknownProfessional, null },
        { "corte", "sofia", 11, 24, 10, 0, 0, BookingRefusal.ProfessionalDoesNotOfferService, null },
    };

    [Theory, MemberData(nameof(Refusals))]
    public async Task BookAsync_AgainstTheRules_IsRefusedWithTheReasonAndStoresNothing(string service, string? professional,
        int month, int day, int hour, int minute, int beyondHorizon, BookingRefusal refusal, UnavailableReason? reason)
    {
        var start = Demo.At(2026, month, day, hour, minute).AddDays(beyondHorizon * 63);

        var result = await Booking.BookAsync(Demo.Request(service, professional, start));

        Assert.Equal(new BookingResult.Refused(refusal, reason), result);
        Assert.Empty(await Appointments.ListAsync(Demo.Id, start.AddDays(-3), start.AddDays(3), default));
    }

    [Fact]
    public async Task BookAsync_UnknownBusiness_IsRefused() =>
        Assert.Equal(new BookingResult.Refused(BookingRefusal.UnknownBusiness),
            await Booking.BookAsync(Demo.Request("corte", null, Demo.Tuesday10) with { BusinessId = "no-such" }));
}
