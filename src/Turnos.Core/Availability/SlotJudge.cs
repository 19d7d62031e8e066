using Turnos.Core.Businesses;

namespace Turnos.Core.Availability;

/// <summary>One professional's hours, busy times and blocks (their own and business-wide), indexed once per call.</summary>
internal sealed class ProfessionalTimeline(Professional professional, IntervalIndex busy, IntervalIndex blocks)
{
    public Professional Professional { get; } = professional;
    public IntervalIndex Busy { get; } = busy;
    public IntervalIndex Blocks { get; } = blocks;

    public static ProfessionalTimeline Build(Professional professional, IEnumerable<BusyInterval> busy, IEnumerable<Block> blocks) =>
        new(professional,
            IntervalIndex.Build(busy.Select(b => (b.FromUtc, b.UntilUtc, b.AppointmentId))),
            IntervalIndex.Build(blocks
                .Where(b => b.ProfessionalId is null || b.ProfessionalId == professional.Id)
                .Select(b => (b.StartUtc, b.EndUtc, (string?)b.Id))));

    /// <summary>
    /// Finds the working range holding [start, end): one of the start's local day, or an overnight range of
    /// the day before. When none does, tells whether the start itself was at least inside working hours.
    /// </summary>
    public Location Locate(ZoneClock clock, DateTimeOffset start, DateTimeOffset end)
    {
        var date = clock.DateOf(start);
        var startCovered = false;
        for (var day = date.AddDays(-1); day <= date; day = day.AddDays(1))
        {
            foreach (var range in Professional.Hours.For(day.DayOfWeek))
            {
                var rangeStart = clock.StartOf(day, range.StartMinute);
                var rangeEnd = clock.EndOf(day, range.EndMinute);
                if (rangeStart > start || start >= rangeEnd) continue;
                if (end <= rangeEnd) return new Location(day, rangeEnd, true);
                startCovered = true;
            }
        }
        return new Location(date, null, startCovered);
    }
}

/// <param name="WorkDay">The day of the range holding the appointment, else the local date of its start.</param>
/// <param name="RangeEnd">End of that range; null when no range holds the whole appointment.</param>
internal readonly record struct Location(DateOnly WorkDay, DateTimeOffset? RangeEnd, bool StartCovered);

internal readonly record struct Verdict(UnavailableReason? Reason, int FreeMinutes, string? AppointmentId)
{
    public bool Available => Reason is null;
}

/// <summary>Applies the booking policy to one candidate appointment, in the documented order of reasons.</summary>
internal sealed class SlotJudge(ZoneClock clock, BookingPolicy policy, DateTimeOffset nowUtc)
{
    private readonly long _now = nowUtc.UtcTicks;
    private readonly long _earliest = nowUtc.AddMinutes(policy.MinimumNoticeMinutes).UtcTicks;
    private readonly DateOnly _lastDate = clock.DateOf(nowUtc).AddDays(policy.MaximumHorizonDays);
    private readonly long _before = TimeSpan.FromMinutes(policy.BufferBeforeMinutes).Ticks;
    private readonly long _after = TimeSpan.FromMinutes(policy.BufferAfterMinutes).Ticks;

    public ZoneClock Clock { get; } = clock;

    public DateTimeOffset HeldFrom(DateTimeOffset start) => start.AddTicks(-_before);

    public DateTimeOffset HeldUntil(DateTimeOffset end) => end.AddTicks(_after);

    /// <param name="rangeEnd">End of the working range holding the appointment; null when none does.</param>
    /// <param name="outside">The reason to give when <paramref name="rangeEnd"/> is null.</param>
    public Verdict Judge(ProfessionalTimeline pro, DateTimeOffset start, DateTimeOffset end, DateOnly localDate,
        DateTimeOffset? rangeEnd, UnavailableReason outside = UnavailableReason.OutsideHours)
    {
        long s = start.UtcTicks, e = end.UtcTicks;
        if (s < _now) return new(UnavailableReason.Past, 0, null);
        if (s < _earliest) return new(UnavailableReason.TooSoon, 0, null);
        if (localDate > _lastDate) return new(UnavailableReason.BeyondHorizon, 0, null);
        if (rangeEnd is null) return new(outside, 0, null);
        if (pro.Blocks.FirstOverlap(s, e) >= 0) return new(UnavailableReason.Blocked, 0, null);

        var booked = pro.Busy.FirstOverlap(s - _before, e + _after);
        if (booked >= 0) return new(UnavailableReason.Booked, 0, pro.Busy.IdAt(booked));

        // Free until the range ends, the next block starts, or this booking's after-buffer would run into
        // the next busy time. Being available guarantees all three are at or after `end`.
        var limit = rangeEnd.Value.UtcTicks;
        if (pro.Busy.FirstStartAtOrAfter(s) is { } nextBusy) limit = Math.Min(limit, nextBusy - _after);
        if (pro.Blocks.FirstStartAtOrAfter(s) is { } nextBlock) limit = Math.Min(limit, nextBlock);
        return new(null, (int)((limit - s) / TimeSpan.TicksPerMinute), null);
    }
}
