namespace Turnos.Core.Conversations;

/// <summary>What a message says about the time of day, before business hours settle "a las 3".</summary>
internal sealed class TimeFacts
{
    public SpokenClock? Clock { get; set; }
    public SpokenClock? After { get; set; }
    public SpokenClock? Before { get; set; }
    public TimeWindow? Window { get; set; }

    /// <summary>"esta tarde", "esta noche": the day is today.</summary>
    public bool Today { get; set; }
}

/// <summary>
/// The windows day parts stand for (To exclusive; 23:59 stands for the end of the day). "después de las 5" is
/// 17:00–23:59, "antes de las 11" 00:00–11:00, "entre las 10 y las 12" 10:00–12:00. Wide on purpose: the
/// dialogue intersects them with the business's hours.
/// </summary>
internal static class DayWindows
{
    public static readonly TimeOnly EndOfDay = new(23, 59);
    public static readonly TimeWindow Morning = new(new(6, 0), new(12, 0));
    public static readonly TimeWindow Afternoon = new(new(13, 0), new(20, 0));
    public static readonly TimeWindow Night = new(new(19, 0), EndOfDay);
    public static readonly TimeWindow Dawn = new(new(0, 0), new(6, 0));
    public static readonly TimeWindow Early = new(new(6, 0), new(10, 0));
    public static readonly TimeWindow Evening = new(new(17, 0), EndOfDay);
    public static readonly TimeWindow Lunch = new(new(12, 0), new(14, 0));
}
