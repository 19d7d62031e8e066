using Turnos.Core.Businesses;

namespace Turnos.Core.Availability;

/// <summary>
/// Computes bookable slots in the business's time zone. Pure: the current instant and the busy times
/// are inputs, and every instant it returns is UTC.
/// </summary>
public static class AvailabilityEngine
{
    public static AvailabilityOutcome Compute(BusinessSnapshot snapshot, AvailabilityQuery query,
        IReadOnlyList<BusyInterval> busy, DateTimeOffset nowUtc)
    {
        if (snapshot.FindService(query.ServiceId) is not { } service) return AvailabilityError.UnknownService;

        IReadOnlyList<Professional> professionals;
        if (query.ProfessionalId is { } professionalId)
        {
            if (snapshot.FindProfessional(professionalId) is not { } professional) return AvailabilityError.UnknownProfessional;
            if (!professional.ServiceIds.Contains(service.Id)) return AvailabilityError.ProfessionalDoesNotOfferService;
            professionals = [professional];
        }
        else
        {
            professionals = snapshot.ProfessionalsFor(service.Id);
        }

        var policy = snapshot.Business.Policy;
        var interval = query.IntervalMinutes ?? policy.SlotIntervalMinutes;
        if (!BookingPolicy.AllowedIntervals.Contains(interval)) return AvailabilityError.InvalidInterval;
        var duration = query.DurationMinutes ?? service.DurationMinutes;
        if (!AvailabilityQuery.IsValidDuration(duration)) return AvailabilityError.InvalidDuration;
        if (query.Days is < 1 or > AvailabilityQuery.MaxDays
            || query.From.DayNumber > DateOnly.MaxValue.DayNumber - query.Days) return AvailabilityError.InvalidRange;

        var judge = new SlotJudge(new ZoneClock(snapshot.Business.TimeZone), policy, nowUtc);
        var busyByProfessional = busy.ToLookup(b => b.ProfessionalId);
        var timelines = professionals
            .Select(p => ProfessionalTimeline.Build(p, busyByProfessional[p.Id], snapshot.Blocks))
            .ToArray();

        var days = new DayAvailability[query.Days];
        for (var i = 0; i < query.Days; i++)
        {
            var date = query.From.AddDays(i);
            var perProfessional = new ProfessionalDay[timelines.Length];
            for (var p = 0; p < timelines.Length; p++)
            {
                var pro = timelines[p].Professional;
                var slots = query.ExactTime is { } exact
                    ? [ExactSlot(judge, timelines[p], date, exact, duration)]
                    : GridSlots(judge, timelines[p], date, duration, interval);
                perProfessional[p] = new ProfessionalDay(pro.Id, pro.Name, pro.Hours.For(date.DayOfWeek), slots);
            }
            days[i] = new DayAvailability(date, perProfessional);
        }
        return new AvailabilityResult(service, days) { DurationMinutes = duration, IntervalMinutes = interval };
    }

    /// <summary>
    /// Checks one concrete start for one professional, e.g. right before booking it. Does not check that the
    /// professional offers the service nor that the start lies on the slot grid: callers decide those.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not a positive multiple of 5 up to 480.</exception>
    public static SlotCheck CheckSlot(BusinessSnapshot snapshot, Service service, Professional professional,
        DateTimeOffset startUtc, IReadOnlyList<BusyInterval> busy, DateTimeOffset nowUtc, int? durationMinutes = null)
    {
        var duration = durationMinutes ?? service.DurationMinutes;
        if (!AvailabilityQuery.IsValidDuration(duration))
            throw new ArgumentOutOfRangeException(nameof(durationMinutes), duration, "Expected a positive multiple of 5 up to 480.");

        var judge = new SlotJudge(new ZoneClock(snapshot.Business.TimeZone), snapshot.Business.Policy, nowUtc);
        var timeline = ProfessionalTimeline.Build(
            professional, busy.Where(b => b.ProfessionalId == professional.Id), snapshot.Blocks);
        return Check(judge, timeline, startUtc.ToUniversalTime(), duration, startExists: true);
    }

    private static Slot[] GridSlots(SlotJudge judge, ProfessionalTimeline timeline, DateOnly date, int duration, int interval)
    {
        var ranges = timeline.Professional.Hours.For(date.DayOfWeek);
        if (ranges.Count == 0) return [];

        var clock = judge.Clock;
        var slots = new List<Slot>(ranges.Sum(r => r.LengthMinutes) / interval + ranges.Count * 2);
        foreach (var range in ranges)
        {
            var rangeStart = clock.StartOf(date, range.StartMinute);
            var rangeEnd = clock.EndOf(date, range.EndMinute);
            // Same offset at both ends means no change in between (ranges are shorter than the gap between two
            // changes), so the per-slot zone lookup, the hot spot of this loop, can be skipped.
            TimeSpan? fixedOffset = clock.Zone.GetUtcOffset(rangeStart) is var offset && offset == clock.Zone.GetUtcOffset(rangeEnd)
                ? offset
                : null;
            // Step in elapsed time, not wall time: a fall-back night yields an extra hour of slots with
            // repeated labels, a spring-forward night an hour fewer.
            for (var start = rangeStart; start.AddMinutes(duration) <= rangeEnd; start = start.AddMinutes(interval))
            {
                var end = start.AddMinutes(duration);
                var local = fixedOffset is { } o ? start.UtcDateTime + o : clock.ToLocal(start);
                var verdict = judge.Judge(timeline, start, end, DateOnly.FromDateTime(local), rangeEnd);
                slots.Add(new Slot(TimeOnly.FromDateTime(local), start, end, verdict.Available, verdict.Reason,
                    verdict.FreeMinutes, verdict.AppointmentId));
            }
        }
        return slots.ToArray();
    }

    private static Slot ExactSlot(SlotJudge judge, ProfessionalTimeline timeline, DateOnly date, TimeOnly time, int duration)
    {
        var resolved = judge.Clock.Resolve(date.ToDateTime(time));
        var check = Check(judge, timeline, resolved.First, duration, resolved.Exists);
        // Label with the time asked for: when it does not exist that day the instant was shifted past the gap.
        return new Slot(time, check.StartUtc, check.EndUtc, check.Available, check.Reason, check.FreeMinutes, check.AppointmentId);
    }

    private static SlotCheck Check(SlotJudge judge, ProfessionalTimeline timeline, DateTimeOffset start, int duration, bool startExists)
    {
        var clock = judge.Clock;
        var end = start.AddMinutes(duration);
        var date = clock.DateOf(start);
        var located = startExists ? timeline.Locate(clock, start, end) : new Location(date, null, false);
        // "Closed" only when the start is on a day without hours and not inside the previous night's range.
        var outside = !located.StartCovered && timeline.Professional.Hours.IsClosed(date.DayOfWeek)
            ? UnavailableReason.ClosedDay
            : UnavailableReason.OutsideHours;
        var verdict = judge.Judge(timeline, start, end, date, located.RangeEnd, outside);
        return new SlotCheck(verdict.Available, verdict.Reason, start, end, located.WorkDay,
            judge.HeldFrom(start), judge.HeldUntil(end), verdict.FreeMinutes, verdict.AppointmentId);
    }
}
