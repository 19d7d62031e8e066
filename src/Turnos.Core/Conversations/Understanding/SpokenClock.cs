using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// A time of day as said. "a las 3" is <see cref="Ambiguous"/>: 03:00 or 15:00, decided later against the
/// business's hours for the day. "15hs", "09:00", "3 pm" and "3 de la tarde" are not.
/// </summary>
internal readonly record struct SpokenClock(int Hour, int Minute, bool Ambiguous)
{
    public static SpokenClock Exact(int hour, int minute) => new(hour, minute, false);

    /// <summary>
    /// An ambiguous hour becomes the reading that falls inside the hint window ("a las 3 por la tarde"), else the
    /// one inside the business's hours, else (both or neither) the one people usually mean: 1–7 in the afternoon
    /// or evening, 8–11 in the morning. Said for today, a reading already past loses to one still ahead.
    /// </summary>
    public TimeOnly Resolve(BusinessHours hours, TimeWindow? hint, int? nowMinute, bool asEnd = false)
    {
        if (!Ambiguous) return new TimeOnly(Hour % 24, Minute);
        var am = Hour * 60 + Minute;
        var pm = am + 12 * 60;
        if (hint is { } w)
        {
            var amIn = Inside(am, w, asEnd);
            if (amIn != Inside(pm, w, asEnd)) return Time(amIn ? am : pm);
        }
        var amOpen = hours.IsOpen(am, asEnd);
        var pmOpen = hours.IsOpen(pm, asEnd);
        if (amOpen != pmOpen) return Time(amOpen ? am : pm);
        if (amOpen && nowMinute is { } now && am < now && pm >= now) return Time(pm);
        return Time(Hour <= 7 ? pm : am);
    }

    private static bool Inside(int minute, TimeWindow w, bool asEnd)
    {
        var from = w.From.Hour * 60 + w.From.Minute;
        var to = w.To.Hour * 60 + w.To.Minute;
        return asEnd ? minute > from && minute <= to : minute >= from && minute < to;
    }

    private static TimeOnly Time(int minute) => new(minute / 60 % 24, minute % 60);
}

/// <summary>When a business works on one day (or, with no day known, on any day): every professional's ranges.</summary>
internal sealed class BusinessHours
{
    private readonly List<(int Start, int End)> _ranges = [];

    public BusinessHours(BusinessSnapshot business, DateOnly? date)
    {
        if (date is { } d)
        {
            foreach (var p in business.Professionals)
            {
                foreach (var r in p.Hours.For(d.DayOfWeek)) _ranges.Add((r.StartMinute, r.EndMinute));
                // The tail of yesterday's overnight range ("20:00-02:00") is open early today.
                foreach (var r in p.Hours.For(d.AddDays(-1).DayOfWeek))
                    if (r.EndMinute > 1440) _ranges.Add((0, r.EndMinute - 1440));
            }
        }
        // A closed day (or no day) says nothing about which reading was meant: use the whole week.
        if (_ranges.Count == 0)
        {
            foreach (var p in business.Professionals)
                foreach (var day in Enum.GetValues<DayOfWeek>())
                    foreach (var r in p.Hours.For(day)) _ranges.Add((r.StartMinute, Math.Min(r.EndMinute, 1440)));
        }
    }

    /// <summary>Whether an appointment could start at <paramref name="minute"/> (or, as the end of a range, end there).</summary>
    public bool IsOpen(int minute, bool asEnd = false) =>
        _ranges.Any(r => asEnd ? minute > r.Start && minute <= r.End : minute >= r.Start && minute < r.End);
}
