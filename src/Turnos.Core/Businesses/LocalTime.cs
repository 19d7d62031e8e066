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

    /// <summary>The local date of an instant in the zone.</summary>
    public static DateOnly Today(DateTimeOffset nowUtc, TimeZoneInfo zone) => new ZoneClock(zone).DateOf(nowUtc);
}
