namespace Turnos.Core.Availability;

/// <summary>
/// Maps wall-clock times of one IANA zone to UTC and back. Only the UTC→offset lookup of
/// <see cref="TimeZoneInfo"/> is used, because it is the one API that is exact for every
/// transition in tzdata (including Santiago's 24:00 changes); gaps and overlaps are derived from it.
/// </summary>
internal sealed class ZoneClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The instants a local wall time stands for.</summary>
    /// <remarks>
    /// Assumes at most one offset change within a day either side of <paramref name="local"/>,
    /// which holds for every real zone in the range of dates a booking app deals with.
    /// </remarks>
    public LocalResolution Resolve(DateTime local)
    {
        var asUtc = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
        var before = Zone.GetUtcOffset(asUtc.AddDays(-1));
        var after = Zone.GetUtcOffset(asUtc.AddDays(1));
        var beforeFits = Zone.GetUtcOffset(asUtc - before) == before;
        var afterFits = before != after && Zone.GetUtcOffset(asUtc - after) == after;

        if (beforeFits && afterFits)
        {
            var (first, last) = before > after ? (asUtc - before, asUtc - after) : (asUtc - after, asUtc - before);
            return new LocalResolution(first, last, Exists: true);
        }
        if (beforeFits) return new LocalResolution(asUtc - before, asUtc - before, Exists: true);
        if (afterFits) return new LocalResolution(asUtc - after, asUtc - after, Exists: true);

        // In a spring-forward gap: read the time with the offset in force before the gap, which moves it
        // forward by the gap's length (02:30 in a 02:00→03:00 gap becomes 03:30), as java.time and Noda do.
        var shifted = asUtc - before;
        return new LocalResolution(shifted, shifted, Exists: false);
    }

    public DateTimeOffset StartOf(DateOnly date, int minute) => Resolve(At(date, minute)).First;

    public DateTimeOffset EndOf(DateOnly date, int minute) => Resolve(At(date, minute)).Last;

    public DateTime ToLocal(DateTimeOffset utc) => utc.UtcDateTime + Zone.GetUtcOffset(utc);

    public DateOnly DateOf(DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateTime At(DateOnly date, int minute) => date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
}

/// <param name="First">The earliest instant (first occurrence when the wall time repeats).</param>
/// <param name="Last">The latest instant (last occurrence when the wall time repeats).</param>
/// <param name="Exists">False when the wall time falls in a gap; First/Last are then shifted past it.</param>
internal readonly record struct LocalResolution(DateTimeOffset First, DateTimeOffset Last, bool Exists);
