using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>The same questions for a visit of several services: every start is a whole visit, planned by
/// <see cref="VisitPlanner"/> (one professional for all when one is free for the span, else split back to back).</summary>
internal static partial class SlotFinder
{
    private static (OfferedSlot? Slot, UnavailableReason? Reason) CheckVisit(TurnFacts facts, IReadOnlyList<Service> visit, BookingDraft draft,
        DateOnly date, TimeOnly time)
    {
        var start = LocalTime.ToUtc(date.ToDateTime(time), facts.Zone);
        var plan = Plan(facts, visit, draft, date, start);
        return plan.Planned ? (ToSlot(plan), null) : (null, plan.Reason ?? UnavailableReason.OutsideHours);
    }

    /// <summary>Starts on the first service's grid (every professional's, free or not) where the whole visit fits.</summary>
    private static List<OfferedSlot> FreeVisitOn(TurnFacts facts, IReadOnlyList<Service> visit, BookingDraft draft, DateOnly date, TimeWindow? window)
    {
        var grid = AvailabilityEngine.Compute(facts.Business, new AvailabilityQuery(visit[0].Id, null, date), [], facts.NowUtc);
        if (!grid.IsSuccess) return [];
        return grid.Result.Days.SelectMany(d => d.Professionals).SelectMany(p => p.Slots)
            .Where(s => window is not { } w || (s.LocalTime >= w.From && s.LocalTime < w.To))
            .Select(s => s.StartUtc).Distinct().Order()
            .Select(start => Plan(facts, visit, draft, date, start))
            .Where(plan => plan.Planned)
            .Select(ToSlot)
            .ToList();
    }

    private static VisitPlan Plan(TurnFacts facts, IReadOnlyList<Service> visit, BookingDraft draft, DateOnly date, DateTimeOffset start) =>
        VisitPlanner.Plan(facts.Business, visit, draft.ProfessionalId, start, facts.Busy, facts.NowUtc, BookingsOn(facts, date));

    private static OfferedSlot ToSlot(VisitPlan plan) => new(plan.Segments![0].ProfessionalId, plan.Segments[0].StartUtc, plan.Team);
}
