using Turnos.Core.Availability;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

/// <summary>A range that crosses midnight (Friday 20:00–02:00) belongs to the day it starts on.</summary>
public class OvernightRangeTests
{
    private static readonly DateOnly Friday = Monday.AddDays(4);
    private static readonly DateOnly SaturdayAfter = Friday.AddDays(1);

    private static readonly Turnos.Core.Businesses.BusinessSnapshot Night =
        Snapshot(hours: Hours((DayOfWeek.Friday, 20 * 60, 26 * 60)));

    [Fact]
    public void Compute_OvernightRange_SlotsRunPastMidnightUnderTheStartDay()
    {
        var pro = Success(AvailabilityEngine.Compute(Night, new("corte", "carlos", Friday), [], Now)).Days[0].Professionals[0];

        Assert.Equal("20:00-02:00", Assert.Single(pro.Hours).ToString());
        Assert.Equal(12, pro.Slots.Count);
        Assert.Equal("01:30", Labels(pro.Slots)[^1]);
        Assert.Equal(Utc(SaturdayAfter, 1, 30), pro.Slots[^1].StartUtc);
        Assert.Equal(Utc(SaturdayAfter, 2, 0), pro.Slots[^1].EndUtc);
    }

    [Fact]
    public void Compute_BookingAcrossMidnight_BlocksSlotsOnBothSides()
    {
        var busy = new[] { Busy("carlos", Utc(Friday, 23, 30), 60, "late") };
        var slots = SlotsOf(AvailabilityEngine.Compute(Night, new("corte", "carlos", Friday), busy, Now), "carlos");

        Assert.Equal(["23:30", "00:00"], Labels(slots.Where(s => s.Reason == UnavailableReason.Booked)));
        Assert.Equal(210, slots[0].FreeMinutes);
        Assert.Equal(90, slots.Single(s => s.LocalTime == new TimeOnly(0, 30)).FreeMinutes);
    }

    [Fact]
    public void CheckSlot_AfterMidnight_WorkDayIsTheDayTheRangeStarts()
    {
        var check = AvailabilityEngine.CheckSlot(Night, Service("coloracion"), Night.Professionals[0], Utc(SaturdayAfter, 0, 30), [], Now);

        Assert.True(check.Available);
        Assert.Equal(Friday, check.WorkDay);
        Assert.Equal(Utc(SaturdayAfter, 2, 0), check.EndUtc);
    }

    [Fact]
    public void CheckSlot_RunningPastTheRangeEnd_OutsideHours()
    {
        var check = AvailabilityEngine.CheckSlot(Night, Service("coloracion"), Night.Professionals[0], Utc(SaturdayAfter, 1, 0), [], Now);

        Assert.Equal(UnavailableReason.OutsideHours, check.Reason);
    }

    [Fact]
    public void Compute_ExactTimeAfterMidnight_CoveredByThePreviousDaysRange()
    {
        // Saturday has no range of its own, but 01:00 Saturday is inside Friday's night.
        var pro = Success(AvailabilityEngine.Compute(Night, new("corte", "carlos", SaturdayAfter, ExactTime: new TimeOnly(1, 0)), [], Now))
            .Days[0].Professionals[0];
        var slot = Assert.Single(pro.Slots);

        Assert.True(pro.Closed);
        Assert.True(slot.Available);
        Assert.Equal(Utc(SaturdayAfter, 1, 0), slot.StartUtc);
        Assert.Equal(UnavailableReason.ClosedDay,
            Assert.Single(SlotsOf(AvailabilityEngine.Compute(Night, new("corte", "carlos", SaturdayAfter, ExactTime: new TimeOnly(3, 0)), [], Now), "carlos")).Reason);
    }
}
