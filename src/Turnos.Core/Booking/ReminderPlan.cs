namespace Turnos.Core.Booking;

/// <summary>One reminder of an appointment: how long before its start, and when that is.</summary>
public sealed record DueReminder(int MinutesBefore, DateTimeOffset DueUtc);

/// <summary>
/// The reminders an appointment gets: one per offset of the business's policy, at its start minus that many minutes
/// (absolute time: "a day before" across a daylight-saving change is 24 hours, not the same wall time), in the order
/// they fall due. One already due when the plan is made (at booking or a move) is left out: a reminder goes out on
/// time or not at all, never late.
/// </summary>
public static class ReminderPlan
{
    public static IReadOnlyList<DueReminder> For(DateTimeOffset startUtc, IReadOnlyList<int> minutesBefore, DateTimeOffset nowUtc) =>
        [.. minutesBefore.Distinct()
            .Select(minutes => new DueReminder(minutes, startUtc.AddMinutes(-minutes)))
            .Where(reminder => reminder.DueUtc > nowUtc)
            .OrderBy(reminder => reminder.DueUtc)];
}
