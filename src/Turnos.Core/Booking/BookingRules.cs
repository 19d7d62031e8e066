using System.Globalization;
using Turnos.Core.Businesses;

namespace Turnos.Core.Booking;

public static class BookingRules
{
    /// <summary>
    /// Who to try first when the customer has no preference: the least booked that day, so work spreads
    /// out; ties keep catalog order so the choice is predictable. Missing counts mean zero bookings.
    /// </summary>
    public static IReadOnlyList<Professional> OrderForAnyProfessional(
        IReadOnlyList<Professional> candidates, IReadOnlyDictionary<string, int> bookingsThatDay) =>
        // OrderBy is a stable sort, which is what keeps the catalog order among ties.
        candidates.OrderBy(p => bookingsThatDay.TryGetValue(p.Id, out var count) ? count : 0).ToArray();
}

/// <summary>
/// A booking claims one lock row per 5-minute UTC granule its held time touches; inserting them in one
/// batch makes two overlapping bookings collide on at least one row.
/// </summary>
public static class SlotLocks
{
    public const int GranuleMinutes = 5;

    private static readonly long GranuleTicks = TimeSpan.FromMinutes(GranuleMinutes).Ticks;

    /// <summary>
    /// Starts of every granule that [heldFrom, heldUntil) touches, rounded outward to granule boundaries in
    /// UTC. Empty when the interval holds no time.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Granules(DateTimeOffset heldFromUtc, DateTimeOffset heldUntilUtc)
    {
        var from = heldFromUtc.UtcTicks;
        var until = heldUntilUtc.UtcTicks;
        if (until <= from) return [];

        var first = from - from % GranuleTicks;
        var granules = new List<DateTimeOffset>((int)((until - first + GranuleTicks - 1) / GranuleTicks));
        for (var t = first; t < until; t += GranuleTicks) granules.Add(new DateTimeOffset(t, TimeSpan.Zero));
        return granules;
    }

    /// <summary>Sortable, culture-free row key of a granule, e.g. "20260310T1430Z".</summary>
    public static string RowKey(DateTimeOffset granuleUtc) =>
        granuleUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
}
