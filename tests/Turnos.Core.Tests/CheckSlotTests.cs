using Turnos.Core.Availability;
using Turnos.Core.Businesses;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

public class CheckSlotTests
{
    private static readonly BusinessSnapshot Demo = Snapshot(new BookingPolicy(BufferBeforeMinutes: 10, BufferAfterMinutes: 5));
    private static readonly Professional Carlos = Demo.Professionals[0];

    private static SlotCheck Check(DateTimeOffset start, IReadOnlyList<BusyInterval>? busy = null, BusinessSnapshot? snapshot = null,
        string service = "coloracion", DateTimeOffset? now = null, int? duration = null) =>
        AvailabilityEngine.CheckSlot(snapshot ?? Demo, Service(service), Carlos, start, busy ?? [], now ?? Now, duration);

    [Fact]
    public void CheckSlot_FreeStart_AvailableWithHeldTimeIncludingBuffers()
    {
        var check = Check(Utc(Tuesday, 10, 0));

        Assert.True(check.Available);
        Assert.Null(check.Reason);
        Assert.Equal(Utc(Tuesday, 11, 30), check.EndUtc);
        Assert.Equal(Utc(Tuesday, 9, 50), check.HeldFromUtc);
        Assert.Equal(Utc(Tuesday, 11, 35), check.HeldUntilUtc);
        Assert.Equal(Tuesday, check.WorkDay);
        Assert.Equal(540, check.FreeMinutes);
        Assert.Equal(TimeSpan.Zero, check.StartUtc.Offset);
    }

    [Fact]
    public void CheckSlot_StartGivenWithLocalOffset_NormalisedToUtc()
    {
        var local = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(-3));
        var check = Check(local);

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 13, 0, 0, TimeSpan.Zero), check.StartUtc);
        Assert.Equal(TimeSpan.Zero, check.StartUtc.Offset);
    }

    [Fact]
    public void CheckSlot_Past() => Assert.Equal(UnavailableReason.Past, Check(Utc(Monday, 7, 0)).Reason);

    [Fact]
    public void CheckSlot_WithinNotice_TooSoon() => Assert.Equal(UnavailableReason.TooSoon, Check(Utc(Monday, 8, 30)).Reason);

    [Fact]
    public void CheckSlot_PastHorizon_BeyondHorizon() =>
        Assert.Equal(UnavailableReason.BeyondHorizon, Check(Utc(Monday.AddDays(64), 10, 0)).Reason);

    [Fact]
    public void CheckSlot_EndingAfterClosing_OutsideHours() =>
        Assert.Equal(UnavailableReason.OutsideHours, Check(Utc(Tuesday, 18, 0)).Reason);

    [Fact]
    public void CheckSlot_Sunday_ClosedDay() => Assert.Equal(UnavailableReason.ClosedDay, Check(Utc(Sunday, 10, 0)).Reason);

    [Fact]
    public void CheckSlot_OverlappingTimeOff_Blocked()
    {
        var snapshot = Snapshot(blocks: [new Block("b", "carlos", Utc(Tuesday, 11, 0), Utc(Tuesday, 12, 0), null)]);

        Assert.Equal(UnavailableReason.Blocked, Check(Utc(Tuesday, 10, 0), snapshot: snapshot).Reason);
        Assert.True(Check(Utc(Tuesday, 9, 30), snapshot: snapshot).Available); // 09:30–11:00 ends as it starts
    }

    [Fact]
    public void CheckSlot_OverlappingAppointment_BookedWithItsId()
    {
        var busy = new[] { Busy("carlos", Utc(Tuesday, 11, 0), 30, "apt-9"), Busy("lucia", Utc(Tuesday, 10, 0), 30, "other") };
        var check = Check(Utc(Tuesday, 10, 0), busy);

        Assert.Equal(UnavailableReason.Booked, check.Reason);
        Assert.Equal("apt-9", check.AppointmentId);
        Assert.Equal(0, check.FreeMinutes);
    }

    [Fact]
    public void CheckSlot_OnlyTheBuffersOverlap_Booked()
    {
        // 10:00–11:30 holds 09:50–11:35; an appointment from 11:30 leaves only the after-buffer in the way.
        var busy = new[] { Busy("carlos", Utc(Tuesday, 11, 30), 30, "next") };

        Assert.Equal(UnavailableReason.Booked, Check(Utc(Tuesday, 10, 0), busy).Reason);
        Assert.True(Check(Utc(Tuesday, 10, 0), busy, snapshot: Snapshot()).Available);
        Assert.Equal(90, Check(Utc(Tuesday, 10, 0), busy, snapshot: Snapshot()).FreeMinutes);
    }

    [Fact]
    public void CheckSlot_SeveralReasons_PrecedenceOrder()
    {
        var closedAndPast = Check(Utc(Sunday.AddDays(-7), 10, 0));
        var soonAndBooked = Check(Utc(Monday, 8, 30), [Busy("carlos", Utc(Monday, 8, 30), 30, "x")]);
        var beyondAndClosed = Check(Utc(Sunday.AddDays(63), 10, 0));

        Assert.Equal(UnavailableReason.Past, closedAndPast.Reason);
        Assert.Equal(UnavailableReason.TooSoon, soonAndBooked.Reason);
        Assert.Null(soonAndBooked.AppointmentId);
        Assert.Equal(UnavailableReason.BeyondHorizon, beyondAndClosed.Reason);
    }

    [Fact]
    public void CheckSlot_DurationOverride_UsedForEnd()
    {
        var check = Check(Utc(Tuesday, 18, 0), duration: 60);

        Assert.True(check.Available);
        Assert.Equal(Utc(Tuesday, 19, 0), check.EndUtc);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(500)]
    public void CheckSlot_InvalidDuration_Throws(int duration) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Check(Utc(Tuesday, 10, 0), duration: duration));
}
