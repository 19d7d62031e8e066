using Turnos.Core.Booking;

namespace Turnos.Core.Tests;

/// <summary>Which reminders an appointment gets, and when: on time or not at all.</summary>
public class ReminderPlanTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 10, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_BookedDaysAhead_BothDefaultReminders_EarliestFirst()
    {
        var plan = ReminderPlan.For(Start, [120, 1440], Start.AddDays(-3));

        Assert.Equal([new DueReminder(1440, Start.AddDays(-1)), new DueReminder(120, Start.AddHours(-2))], plan);
    }

    [Fact]
    public void For_BookedThreeHoursAhead_OnlyTheReminderStillAhead()
    {
        var plan = ReminderPlan.For(Start, [1440, 120], Start.AddHours(-3));

        Assert.Equal([new DueReminder(120, Start.AddHours(-2))], plan);
    }

    [Fact]
    public void For_ReminderDueAtTheVeryMoment_IsLeftOut() =>
        Assert.Empty(ReminderPlan.For(Start, [120], Start.AddHours(-2)));

    [Fact]
    public void For_NoOffsetsOrAStartInThePast_NoReminders()
    {
        Assert.Empty(ReminderPlan.For(Start, [], Start.AddDays(-3)));
        Assert.Empty(ReminderPlan.For(Start, [1440, 120], Start.AddMinutes(5)));
    }

    [Fact]
    public void For_ADayBeforeAcrossADaylightSavingChange_Is24HoursNotTheSameWallTime()
    {
        // Madrid leaves summer time on 2026-10-25 at 03:00 local: 10:00 on the 25th is 09:00 UTC, 10:00 on the 24th was 08:00 UTC.
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var start = new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero);

        var reminder = Assert.Single(ReminderPlan.For(start, [1440], start.AddDays(-2)));

        Assert.Equal(start.AddHours(-24), reminder.DueUtc);
        Assert.Equal(new DateTime(2026, 10, 24, 11, 0, 0), TimeZoneInfo.ConvertTime(reminder.DueUtc, madrid).DateTime);
    }
}
