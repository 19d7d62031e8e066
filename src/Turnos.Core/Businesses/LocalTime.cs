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
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap turns the skipped wall time into the instant after it.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var offset = lastOccurrence ? offsets.Min() : offsets.Max();
            return new DateTimeOffset(local - offset, TimeSpan.Zero);
        }
        return new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero);
    }

    public static DateTimeOffset ToUtc(DateOnly date, int minuteOfDay, TimeZoneInfo zone, bool lastOccurrence = false) =>
        ToUtc(date.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay), zone, lastOccurrence);

    public static DateTime ToLocal(DateTimeOffset utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc.UtcDateTime, zone);

    public static DateOnly Today(DateTimeOffset nowUtc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(nowUtc, zone));
}
