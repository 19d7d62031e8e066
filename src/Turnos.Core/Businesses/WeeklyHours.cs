namespace Turnos.Core.Businesses;

/// <summary>
/// A working range within one day, in minutes from that day's local midnight. The end may pass
/// 1440 for ranges that cross midnight (e.g. 20:00–02:00 is 1200–1560); such a range still belongs
/// to the day it starts on, which keeps each appointment in exactly one work day.
/// </summary>
public readonly record struct WorkingRange(int StartMinute, int EndMinute)
{
    public int LengthMinutes => EndMinute - StartMinute;

    public bool Contains(int startMinute, int endMinute) => startMinute >= StartMinute && endMinute <= EndMinute;

    public override string ToString() => $"{Format(StartMinute)}-{Format(EndMinute)}";

    public static string Format(int minute) => $"{minute / 60 % 24:00}:{minute % 60:00}";
}

/// <summary>Working ranges per day of the week. Days without ranges are closed.</summary>
public sealed class WeeklyHours
{
    private readonly IReadOnlyList<WorkingRange>[] _days = new IReadOnlyList<WorkingRange>[7];

    public WeeklyHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingRange>> days)
    {
        for (var d = 0; d < 7; d++)
        {
            _days[d] = days.TryGetValue((DayOfWeek)d, out var ranges)
                ? ranges.OrderBy(r => r.StartMinute).ToArray()
                : [];
        }
    }

    public static WeeklyHours Closed { get; } = new(new Dictionary<DayOfWeek, IReadOnlyList<WorkingRange>>());

    public IReadOnlyList<WorkingRange> For(DayOfWeek day) => _days[(int)day];

    public bool IsClosed(DayOfWeek day) => _days[(int)day].Count == 0;
}
