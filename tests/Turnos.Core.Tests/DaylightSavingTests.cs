using Turnos.Core.Availability;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

/// <summary>
/// Days when clocks change. Each test first proves the machine's tz data has the transition it relies on,
/// so a missing or different rule fails loudly instead of letting the assertions pass vacuously.
/// </summary>
public class DaylightSavingTests
{
    private const string Santiago = "America/Santiago";
    private const string Madrid = "Europe/Madrid";

    private static DateTimeOffset Z(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static void AssertTransition(string zone, DateTimeOffset atUtc, int hoursBefore, int hoursAfter)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        Assert.Equal(TimeSpan.FromHours(hoursBefore), tz.GetUtcOffset(atUtc.AddTicks(-1)));
        Assert.Equal(TimeSpan.FromHours(hoursAfter), tz.GetUtcOffset(atUtc));
    }

    private static IReadOnlyList<Slot> Slots(string zone, int startMinute, int endMinute, DateOnly date, int interval = 30,
        TimeOnly? exact = null, IReadOnlyList<BusyInterval>? busy = null)
    {
        var snapshot = Snapshot(zoneId: zone, hours: EveryDay(startMinute, endMinute));
        var now = new DateTimeOffset(date.AddDays(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return SlotsOf(AvailabilityEngine.Compute(snapshot, new("corte", "carlos", date, IntervalMinutes: interval, ExactTime: exact), busy ?? [], now), "carlos");
    }

    private static void AssertSpaced(IReadOnlyList<Slot> slots, int interval)
    {
        Assert.All(slots.Zip(slots.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(interval), p.Second.StartUtc - p.First.StartUtc));
        Assert.All(slots, s => Assert.Equal(TimeSpan.Zero, s.StartUtc.Offset));
    }

    [Fact]
    public void Compute_SantiagoFallBackNight_OvernightRangeHasSevenHoursWithRepeatedLabels()
    {
        AssertTransition(Santiago, Z(2026, 4, 5, 3, 0), -3, -4); // 24:00 Sat Apr 4 → 23:00
        var slots = Slots(Santiago, 20 * 60, 26 * 60, new DateOnly(2026, 4, 4));

        Assert.Equal(14, slots.Count);
        AssertSpaced(slots, 30);
        Assert.Equal(["20:00", "20:30", "21:00", "21:30", "22:00", "22:30", "23:00", "23:30", "23:00", "23:30",
            "00:00", "00:30", "01:00", "01:30"], Labels(slots));
        Assert.Equal(Z(2026, 4, 4, 23, 0), slots[0].StartUtc);
        Assert.Equal(Z(2026, 4, 5, 6, 0), slots[^1].EndUtc);
        Assert.All(slots, s => Assert.True(s.Available));
    }

    [Fact]
    public void Compute_SantiagoSpringForwardNight_OvernightRangeHasFiveHours()
    {
        AssertTransition(Santiago, Z(2026, 9, 6, 4, 0), -4, -3); // 24:00 Sat Sep 5 → 01:00
        var slots = Slots(Santiago, 20 * 60, 26 * 60, new DateOnly(2026, 9, 5));

        Assert.Equal(10, slots.Count);
        AssertSpaced(slots, 30);
        Assert.Equal(["20:00", "20:30", "21:00", "21:30", "22:00", "22:30", "23:00", "23:30", "01:00", "01:30"], Labels(slots));
        Assert.Equal(Z(2026, 9, 6, 0, 0), slots[0].StartUtc);
        Assert.Equal(Z(2026, 9, 6, 5, 0), slots[^1].EndUtc);
    }

    [Fact]
    public void Compute_SantiagoDayWithoutMidnight_RangeFromMidnightStartsAtOne()
    {
        AssertTransition(Santiago, Z(2026, 9, 6, 4, 0), -4, -3);
        var slots = Slots(Santiago, 0, 3 * 60, new DateOnly(2026, 9, 6));

        Assert.Equal(["01:00", "01:30", "02:00", "02:30"], Labels(slots));
        Assert.Equal(Z(2026, 9, 6, 4, 0), slots[0].StartUtc);
    }

    [Fact]
    public void Compute_SantiagoExactTimeInSkippedHour_OutsideHours()
    {
        AssertTransition(Santiago, Z(2026, 9, 6, 4, 0), -4, -3);
        var skipped = Assert.Single(Slots(Santiago, 0, 10 * 60, new DateOnly(2026, 9, 6), exact: new TimeOnly(0, 30)));
        var real = Assert.Single(Slots(Santiago, 0, 10 * 60, new DateOnly(2026, 9, 6), exact: new TimeOnly(1, 0)));

        Assert.Equal(UnavailableReason.OutsideHours, skipped.Reason);
        Assert.Equal(new TimeOnly(0, 30), skipped.LocalTime);
        Assert.True(real.Available);
        Assert.Equal(Z(2026, 9, 6, 4, 0), real.StartUtc);
    }

    [Fact]
    public void Compute_SantiagoExactTimeInRepeatedHour_FirstOccurrence()
    {
        AssertTransition(Santiago, Z(2026, 4, 5, 3, 0), -3, -4);
        var slot = Assert.Single(Slots(Santiago, 20 * 60, 26 * 60, new DateOnly(2026, 4, 4), exact: new TimeOnly(23, 30)));

        Assert.True(slot.Available);
        Assert.Equal(Z(2026, 4, 5, 2, 30), slot.StartUtc);
    }

    [Theory]
    [InlineData(30, 10)]
    [InlineData(15, 19)]
    [InlineData(60, 5)]
    public void Compute_MadridSpringForward_SixHourRangeHasFiveHoursSkippingTwoOClock(int interval, int count)
    {
        AssertTransition(Madrid, Z(2026, 3, 29, 1, 0), 1, 2); // 02:00 → 03:00
        var slots = Slots(Madrid, 0, 6 * 60, new DateOnly(2026, 3, 29), interval);

        Assert.Equal(count, slots.Count);
        AssertSpaced(slots, interval);
        Assert.DoesNotContain(slots, s => s.LocalTime.Hour == 2);
        Assert.Equal(Z(2026, 3, 28, 23, 0), slots[0].StartUtc);
        Assert.True(slots[^1].EndUtc <= Z(2026, 3, 29, 4, 0));
        Assert.True(slots[^1].EndUtc.AddMinutes(interval) > Z(2026, 3, 29, 4, 0)); // no further slot fits
        if (interval == 30)
            Assert.Equal(["00:00", "00:30", "01:00", "01:30", "03:00", "03:30", "04:00", "04:30", "05:00", "05:30"], Labels(slots));
    }

    [Theory]
    [InlineData(30, 14)]
    [InlineData(15, 27)]
    public void Compute_MadridFallBack_SixHourRangeHasSevenHoursRepeatingTwoOClock(int interval, int count)
    {
        AssertTransition(Madrid, Z(2026, 10, 25, 1, 0), 2, 1); // 03:00 → 02:00
        var slots = Slots(Madrid, 0, 6 * 60, new DateOnly(2026, 10, 25), interval);

        Assert.Equal(count, slots.Count);
        AssertSpaced(slots, interval);
        Assert.Equal(Z(2026, 10, 24, 22, 0), slots[0].StartUtc);
        Assert.Equal(Z(2026, 10, 25, 5, 0), slots[^1].EndUtc);
        if (interval == 30)
            Assert.Equal(["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "02:00", "02:30", "03:00", "03:30",
                "04:00", "04:30", "05:00", "05:30"], Labels(slots));
    }

    [Fact]
    public void Compute_MadridFallBack_BookingInSecondTwoOClockOnlyBlocksThatOne()
    {
        AssertTransition(Madrid, Z(2026, 10, 25, 1, 0), 2, 1);
        var busy = new[] { new BusyInterval("carlos", Z(2026, 10, 25, 1, 0), Z(2026, 10, 25, 1, 30), "second-two") };
        var twos = Slots(Madrid, 0, 6 * 60, new DateOnly(2026, 10, 25), busy: busy).Where(s => s.LocalTime == new TimeOnly(2, 0)).ToArray();

        Assert.Equal(2, twos.Length);
        Assert.True(twos[0].Available);
        Assert.Equal(Z(2026, 10, 25, 0, 0), twos[0].StartUtc);
        Assert.Equal("second-two", twos[1].AppointmentId);
    }

    [Fact]
    public void Compute_MadridRangeBoundariesInRepeatedHour_StartTakesFirstEndTakesLast()
    {
        AssertTransition(Madrid, Z(2026, 10, 25, 1, 0), 2, 1);
        var endsInRepeat = Slots(Madrid, 0, 150, new DateOnly(2026, 10, 25));
        var startsInRepeat = Slots(Madrid, 150, 4 * 60, new DateOnly(2026, 10, 25));

        Assert.Equal(Z(2026, 10, 25, 1, 30), endsInRepeat[^1].EndUtc); // the later 02:30 (+01:00)
        Assert.Equal(7, endsInRepeat.Count);
        Assert.Equal(Z(2026, 10, 25, 0, 30), startsInRepeat[0].StartUtc); // the earlier 02:30 (+02:00)
        Assert.Equal(["02:30", "02:00", "02:30", "03:00", "03:30"], Labels(startsInRepeat));
    }

    [Fact]
    public void Compute_MadridRangeStartingInSkippedHour_ShiftedForwardByTheGap()
    {
        AssertTransition(Madrid, Z(2026, 3, 29, 1, 0), 1, 2);
        var slots = Slots(Madrid, 150, 5 * 60, new DateOnly(2026, 3, 29));

        Assert.Equal(["03:30", "04:00", "04:30"], Labels(slots));
        Assert.Equal(Z(2026, 3, 29, 1, 30), slots[0].StartUtc);
    }

    [Fact]
    public void Compute_MadridExactTimeInSkippedHour_OutsideHoursThoughInsideTheRange()
    {
        AssertTransition(Madrid, Z(2026, 3, 29, 1, 0), 1, 2);
        var slot = Assert.Single(Slots(Madrid, 0, 6 * 60, new DateOnly(2026, 3, 29), exact: new TimeOnly(2, 30)));

        Assert.Equal(UnavailableReason.OutsideHours, slot.Reason);
    }

    [Fact]
    public void CheckSlot_SantiagoAfterFallBackMidnight_WorkDayIsTheRangesDay()
    {
        AssertTransition(Santiago, Z(2026, 4, 5, 3, 0), -3, -4);
        var snapshot = Snapshot(zoneId: Santiago, hours: EveryDay(20 * 60, 26 * 60));
        var check = AvailabilityEngine.CheckSlot(snapshot, Service("corte"), snapshot.Professionals[0],
            Z(2026, 4, 5, 5, 0), [], Z(2026, 4, 1, 0, 0)); // 01:00 local on Sunday

        Assert.True(check.Available);
        Assert.Equal(new DateOnly(2026, 4, 4), check.WorkDay);
        Assert.Equal(60, check.FreeMinutes);
    }
}
