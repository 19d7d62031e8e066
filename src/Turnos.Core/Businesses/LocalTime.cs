using System.Globalization;
using Turnos.Core.Availability;

namespace Turnos.Core.Businesses;

/// <summary>Maps a business's wall-clock times to UTC instants on days when clocks change.</summary>
public static class LocalTime
{
    /// <summary>
    /// A wall time that does not exist (skipped by a spring-forward change) moves forward past the gap;
    /// an ambiguous one (repeated by a fall-back change) takes its first occurrence, or its last when
    /// <paramref name="lastOccurrence"/> is set (useful for the end of a range).
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone, bool lastOccurrence = false)
    {
        var resolved = new ZoneClock(zone).Resolve(local);
        return lastOccurrence ? resolved.Last : resolved.First;
    }

    public static DateTime ToLocal(DateTimeOffset utc, TimeZoneInfo zone) => new ZoneClock(zone).ToLocal(utc);

    /// <summary>
    /// Reads what people and APIs write for a moment: a wall time of the zone ("2026-12-24T13:00", seconds
    /// optional) or an absolute time with an offset or "Z". False when it is neither.
    /// </summary>
    public static bool TryParseInstant(string? text, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10;
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var absolute))
            utc = absolute.ToUniversalTime();
        else if (!hasOffset && DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                     DateTimeStyles.None, out var local))
            utc = ToUtc(local, zone);
        else return false;
        return true;
    }

    /// <summary>The local date of an instant in the zone.</summary>
    public static DateOnly Today(DateTimeOffset nowUtc, TimeZoneInfo zone) => new ZoneClock(zone).DateOf(nowUtc);
}
