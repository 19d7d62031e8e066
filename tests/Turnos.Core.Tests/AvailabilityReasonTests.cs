using Turnos.Core.Availability;
using Turnos.Core.Businesses;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

/// <summary>Why slots are unavailable, and how much free time the available ones have.</summary>
public class AvailabilityReasonTests
{
    private static Slot At(IReadOnlyList<Slot> slots, int hour, int minute) =>
        slots.Single(s => s.LocalTime == new TimeOnly(hour, minute));

    [Fact]
    public void Compute_SlotOverlappingAnAppointment_BookedWithItsId()
    {
        var busy = new[] { Busy("carlos", Utc(Tuesday, 10, 0), 60, "apt-1"), Busy("lucia", Utc(Tuesday, 15, 0), 30, "apt-2") };
        var slots = SlotsOf(AvailabilityEngine.Compute(Snapshot(), new("corte", "carlos", Tuesday), busy, Now), "carlos");

        Assert.Equal([UnavailableReason.Booked, UnavailableReason.Booked], new[] { At(slots, 10, 0), At(slots, 10, 30) }.Select(s => s.Reason));
        Assert.Equal("apt-1", At(slots, 10, 0).AppointmentId);
        Assert.Equal(0, At(slots, 10, 0).FreeMinutes);
        Assert.True(At(slots, 9, 30).Available);
        Assert.True(At(slots, 11, 0).Available);
        Assert.True(At(slots, 15, 0).Available); // lucia's appointment is not carlos's
        Assert.Equal(18, slots.Count(s => s.Available));
    }

    [Fact]
    public void Compute_BuffersBeforeAndAfter_MakeAdjacentSlotsUnavailable()
    {
        // The existing 10:00–10:30 appointment holds 09:45–10:45 with the same 15/15 buffers.
        var busy = new[] { new BusyInterval("carlos", Utc(Tuesday, 9, 45), Utc(Tuesday, 10, 45), "apt-1") };
        var plain = SlotsOf(AvailabilityEngine.Compute(Snapshot(), new("corte", "carlos", Tuesday), busy, Now), "carlos");
        var buffered = SlotsOf(AvailabilityEngine.Compute(
            Snapshot(new BookingPolicy(BufferBeforeMinutes: 15, BufferAfterMinutes: 15)), new("corte", "carlos", Tuesday), busy, Now), "carlos");

        Assert.Equal(["09:30", "10:00", "10:30"], Labels(plain.Where(s => !s.Available)));
        // 09:30 now needs 09:15–10:15 and 10:30 needs 10:15–11:15; 09:00 and 11:00 just touch it.
        Assert.Equal(["09:30", "10:00", "10:30"], Labels(buffered.Where(s => !s.Available)));
        Assert.Equal(UnavailableReason.Booked, At(buffered, 9, 30).Reason);

        var tight = new[] { new BusyInterval("carlos", Utc(Tuesday, 10, 0), Utc(Tuesday, 10, 30), "apt-1") };
        var tightPlain = SlotsOf(AvailabilityEngine.Compute(Snapshot(), new("corte", "carlos", Tuesday), tight, Now), "carlos");
        var tightBuffered = SlotsOf(AvailabilityEngine.Compute(
            Snapshot(new BookingPolicy(BufferBeforeMinutes: 15, BufferAfterMinutes: 15)), new("corte", "carlos", Tuesday), tight, Now), "carlos");

        Assert.Equal(["10:00"], Labels(tightPlain.Where(s => !s.Available)));
        Assert.Equal(["09:30", "10:00", "10:30"], Labels(tightBuffered.Where(s => !s.Available)));
        Assert.All(tightBuffered.Where(s => !s.Available), s => Assert.Equal("apt-1", s.AppointmentId));
    }

    [Fact]
    public void Compute_BusinessWideHoliday_BlocksEveryProfessional()
    {
        var holiday = new Block("feriado", null, Utc(Tuesday, 0, 0), Utc(Tuesday.AddDays(1), 0, 0), "Feriado");
        var day = Success(AvailabilityEngine.Compute(Snapshot(blocks: [holiday]), new("peinado", null, Tuesday), [], Now)).Days[0];

        Assert.Equal(3, day.Professionals.Count);
        Assert.All(day.Professionals.SelectMany(p => p.Slots), s => Assert.Equal(UnavailableReason.Blocked, s.Reason));
        Assert.Equal(0, day.AvailableCount);
    }

    [Fact]
    public void Compute_ProfessionalTimeOff_BlocksOnlyThatProfessional()
    {
        var timeOff = new Block("dentista", "lucia", Utc(Tuesday, 14, 0), Utc(Tuesday, 16, 0), null);
        var outcome = AvailabilityEngine.Compute(Snapshot(blocks: [timeOff]), new("corte", null, Tuesday), [], Now);
        var lucia = SlotsOf(outcome, "lucia");

        Assert.Equal(["14:00", "14:30", "15:00", "15:30"], Labels(lucia.Where(s => s.Reason == UnavailableReason.Blocked)));
        Assert.True(At(lucia, 13, 30).Available); // ends exactly when the block starts
        Assert.Equal(30, At(lucia, 13, 30).FreeMinutes);
        Assert.True(At(lucia, 16, 0).Available);
        Assert.All(SlotsOf(outcome, "carlos"), s => Assert.True(s.Available));
    }

    [Fact]
    public void Compute_BlockedAndBooked_BlockedWins()
    {
        var timeOff = new Block("b", "carlos", Utc(Tuesday, 10, 0), Utc(Tuesday, 11, 0), null);
        var busy = new[] { Busy("carlos", Utc(Tuesday, 10, 0), 30, "apt-1") };
        var slot = At(SlotsOf(AvailabilityEngine.Compute(Snapshot(blocks: [timeOff]), new("corte", "carlos", Tuesday), busy, Now), "carlos"), 10, 0);

        Assert.Equal(UnavailableReason.Blocked, slot.Reason);
        Assert.Null(slot.AppointmentId);
    }

    [Fact]
    public void Compute_NowMidMorning_PastThenTooSoonThenAvailable()
    {
        var now = Utc(Tuesday, 10, 10);
        var busy = new[] { Busy("carlos", Utc(Tuesday, 9, 0), 60, "apt-earlier") };
        var slots = SlotsOf(AvailabilityEngine.Compute(Snapshot(), new("corte", "carlos", Tuesday), busy, now), "carlos");

        Assert.Equal(["09:00", "09:30", "10:00"], Labels(slots.Where(s => s.Reason == UnavailableReason.Past)));
        Assert.Equal(["10:30", "11:00"], Labels(slots.Where(s => s.Reason == UnavailableReason.TooSoon)));
        Assert.Equal("11:30", Labels(slots.Where(s => s.Available))[0]);
        Assert.Null(slots[0].AppointmentId); // Past outranks Booked
    }

    [Fact]
    public void Compute_StartExactlyAtNowPlusNotice_Available()
    {
        var slots = SlotsOf(AvailabilityEngine.Compute(Snapshot(), new("corte", "carlos", Tuesday), [], Utc(Tuesday, 10, 0)), "carlos");

        Assert.Equal(UnavailableReason.TooSoon, At(slots, 10, 30).Reason);
        Assert.True(At(slots, 11, 0).Available);
        Assert.Equal(UnavailableReason.TooSoon, At(slots, 10, 0).Reason); // a start equal to now is not past
    }

    [Fact]
    public void Compute_PastTheHorizon_BeyondHorizonFromTheNextLocalDate()
    {
        var lastDay = Monday.AddDays(60); // a Friday
        var days = Success(AvailabilityEngine.Compute(Snapshot(), new("corte", "carlos", lastDay, Days: 2), [], Now)).Days;

        Assert.Equal(DayOfWeek.Friday, lastDay.DayOfWeek);
        Assert.All(days[0].Professionals[0].Slots, s => Assert.True(s.Available));
        Assert.All(days[1].Professionals[0].Slots, s => Assert.Equal(UnavailableReason.BeyondHorizon, s.Reason));
        Assert.Equal(8, days[1].Professionals[0].Slots.Count);
    }

    [Fact]
    public void Compute_FreeMinutes_UntilNextBusyBlockOrClosing()
    {
        var policy = new BookingPolicy(BufferAfterMinutes: 10);
        var busy = new[] { Busy("carlos", Utc(Tuesday, 11, 0), 60, "apt-1") };
        var block = new Block("b", "carlos", Utc(Tuesday, 15, 0), Utc(Tuesday, 16, 0), null);
        var slots = SlotsOf(AvailabilityEngine.Compute(Snapshot(policy, [block]), new("corte", "carlos", Tuesday), busy, Now), "carlos");

        Assert.Equal(110, At(slots, 9, 0).FreeMinutes); // 11:00 minus this booking's 10-minute after-buffer
        Assert.Equal(50, At(slots, 10, 0).FreeMinutes);
        Assert.Equal(UnavailableReason.Booked, At(slots, 10, 30).Reason); // 10:30–11:00 + 10 runs into 11:00
        Assert.Equal(180, At(slots, 12, 0).FreeMinutes);
        Assert.Equal(180, At(slots, 16, 0).FreeMinutes);
        Assert.Equal(30, At(slots, 18, 30).FreeMinutes);
        Assert.All(slots.Where(s => !s.Available), s => Assert.Equal(0, s.FreeMinutes));
        Assert.All(slots.Where(s => s.Available), s => Assert.True(s.FreeMinutes >= 30));
    }
}
