using System.Globalization;

namespace Turnos.Core.Businesses.Documents;

/// <summary>Parses weekly hours written as <c>{ "monday": ["09:00-13:00", "14:00-19:00"] }</c>.</summary>
internal static class HoursParser
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    public static WeeklyHours Parse(Dictionary<string, List<string?>?> hours, int bufferMinutes, string path, List<CatalogError> errors)
    {
        var days = new Dictionary<DayOfWeek, IReadOnlyList<WorkingRange>>();
        foreach (var (name, ranges) in hours)
        {
            if (!Days.TryGetValue(name, out var day))
            {
                errors.Add(new($"{path}.{name}", "unknown day; use monday … sunday"));
                continue;
            }
            var parsed = new List<WorkingRange>();
            for (var i = 0; i < (ranges?.Count ?? 0); i++)
            {
                if (TryParseRange(ranges![i], out var range)) parsed.Add(range);
                else errors.Add(new($"{path}.{name}[{i}]", $"'{ranges[i]}' is not a range like 09:00-19:00"));
            }
            parsed.Sort((a, b) => a.StartMinute.CompareTo(b.StartMinute));
            for (var i = 1; i < parsed.Count; i++)
            {
                if (parsed[i].StartMinute < parsed[i - 1].EndMinute)
                    errors.Add(new($"{path}.{name}", $"ranges {parsed[i - 1]} and {parsed[i]} overlap"));
            }
            days[day] = parsed;
        }
        var weekly = new WeeklyHours(days);
        CheckOvernightOverlap(weekly, bufferMinutes, path, errors);
        return weekly;
    }

    // A range past midnight, with the buffers around its appointments, must end before the next day's
    // first range starts: otherwise one instant could be held under two work days, that is in two lock
    // partitions, and the locks would not see the clash.
    private static void CheckOvernightOverlap(WeeklyHours weekly, int bufferMinutes, string path, List<CatalogError> errors)
    {
        for (var d = 0; d < 7; d++)
        {
            var today = weekly.For((DayOfWeek)d);
            var tomorrow = weekly.For((DayOfWeek)((d + 1) % 7));
            if (today.Count == 0 || tomorrow.Count == 0) continue;
            var spill = today[^1].EndMinute - 1440 + bufferMinutes;
            if (spill > tomorrow[0].StartMinute)
                errors.Add(new($"{path}.{((DayOfWeek)d).ToString().ToLowerInvariant()}",
                    $"range {today[^1]} (with {bufferMinutes} minutes of buffers) runs into the next day's first range {tomorrow[0]}"));
        }
    }

    internal static bool TryParseRange(string? text, out WorkingRange range)
    {
        range = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 } || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end))
            return false;
        if (end <= start) end += 1440; // crosses midnight: belongs to the day it starts on
        if (start >= 1440 || end - start > 1440 || (start % 5) != 0 || (end % 5) != 0) return false;
        range = new WorkingRange(start, end);
        return true;
    }

    private static bool TryParseTime(string text, out int minute)
    {
        minute = 0;
        if (text == "24:00") { minute = 1440; return true; }
        if (!TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return false;
        minute = time.Hour * 60 + time.Minute;
        return true;
    }
}
