using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>Availability questions a conversation asks, answered from the turn's facts.</summary>
internal static partial class SlotFinder
{
    public const int AlternativeCount = 3;

    /// <summary>The slot at that local time with the chosen professional (or the least booked free one),
    /// or why there is none.</summary>
    public static (OfferedSlot? Slot, UnavailableReason? Reason) Check(TurnFacts facts, IReadOnlyList<Service> visit, BookingDraft draft, DateOnly date, TimeOnly time) =>
        visit.Count == 1 ? Check(facts, visit[0], draft, date, time) : CheckVisit(facts, visit, draft, date, time);

    public static (OfferedSlot? Slot, UnavailableReason? Reason) Check(TurnFacts facts, Service service, BookingDraft draft, DateOnly date, TimeOnly time)
    {
        var start = LocalTime.ToUtc(date.ToDateTime(time), facts.Zone);
        var free = new List<Professional>();
        UnavailableReason? reason = null;
        foreach (var professional in Candidates(facts, service, draft))
        {
            var busy = facts.Busy.Where(b => b.ProfessionalId == professional.Id).ToList();
            var check = AvailabilityEngine.CheckSlot(facts.Business, service, professional, start, busy, facts.NowUtc);
            if (check.Available) free.Add(professional);
            else if (reason is null || check.Reason == UnavailableReason.Booked) reason = check.Reason;
        }
        if (free.Count == 0) return (null, reason ?? UnavailableReason.OutsideHours);
        var chosen = BookingRules.OrderForAnyProfessional(free, BookingsOn(facts, date))[0];
        return (new OfferedSlot(chosen.Id, start), null);
    }

    /// <summary>Free starts on one day, one per time (the least booked professional when several are free).</summary>
    public static List<OfferedSlot> FreeOn(TurnFacts facts, IReadOnlyList<Service> visit, BookingDraft draft, DateOnly date, TimeWindow? window = null)
    {
        if (date < facts.BusyFrom || date > facts.BusyUntil) return [];
        if (visit.Count > 1) return FreeVisitOn(facts, visit, draft, date, window);
        var service = visit[0];
        var query = new AvailabilityQuery(service.Id, draft.ProfessionalId, date);
        var outcome = AvailabilityEngine.Compute(facts.Business, query, facts.Busy, facts.NowUtc);
        if (!outcome.IsSuccess) return [];
        var counts = BookingsOn(facts, date);
        var order = BookingRules.OrderForAnyProfessional([.. Candidates(facts, service, draft)], counts)
            .Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return outcome.Result.Days.SelectMany(d => d.Professionals)
            .SelectMany(p => p.Slots.Where(s => s.Available).Select(s => (p.ProfessionalId, Slot: s)))
            .Where(x => window is not { } w || (x.Slot.LocalTime >= w.From && x.Slot.LocalTime < w.To))
            .GroupBy(x => x.Slot.StartUtc)
            .Select(g => g.OrderBy(x => order.GetValueOrDefault(x.ProfessionalId, int.MaxValue)).First())
            .OrderBy(x => x.Slot.StartUtc)
            .Select(x => new OfferedSlot(x.ProfessionalId, x.Slot.StartUtc))
            .ToList();
    }

    /// <summary>The nearest free starts: the same day first (closest to the time asked), then the
    /// following days (earliest first), within the loaded window.</summary>
    /// <param name="exclude">A start known to be gone though the facts still show it free.</param>
    public static List<OfferedSlot> Alternatives(TurnFacts facts, IReadOnlyList<Service> service, BookingDraft draft, DateOnly date, TimeOnly? time,
        DateTimeOffset? exclude = null)
    {
        var target = LocalTime.ToUtc(date.ToDateTime(time ?? new TimeOnly(12, 0)), facts.Zone);
        var sameDay = FreeOn(facts, service, draft, date).Where(s => s.StartUtc != exclude)
            .OrderBy(s => Math.Abs((s.StartUtc - target).Ticks)).Take(AlternativeCount).OrderBy(s => s.StartUtc).ToList();
        for (var day = Max(date.AddDays(1), facts.BusyFrom); sameDay.Count < AlternativeCount && day <= facts.BusyUntil; day = day.AddDays(1))
            sameDay.AddRange(FreeOn(facts, service, draft, day).Take(AlternativeCount - sameDay.Count));
        return sameDay;
    }

    /// <summary>Whether any service could start then (for "¿hay lugar…?" asked before saying what for).</summary>
    public static bool AnyServiceFree(TurnFacts facts, BookingDraft draft, DateOnly date, TimeOnly time) =>
        facts.Business.Services.Any(s => Check(facts, s, draft with { ServiceId = s.Id }, date, time).Slot is not null);

    /// <summary>The first day from <paramref name="from"/> with a free start, within the loaded window.</summary>
    public static DateOnly? NextOpenDay(TurnFacts facts, IReadOnlyList<Service> service, BookingDraft draft, DateOnly from)
    {
        for (var day = Max(from, facts.BusyFrom); day <= facts.BusyUntil; day = day.AddDays(1))
            if (FreeOn(facts, service, draft, day).Count > 0) return day;
        return null;
    }

    /// <summary>Who could do any of the visit's services (the one asked for, when named).</summary>
    public static IReadOnlyList<Professional> Candidates(TurnFacts facts, IReadOnlyList<Service> visit, BookingDraft draft) =>
        [.. visit.SelectMany(s => Candidates(facts, s, draft)).Distinct()];

    public static IReadOnlyList<Professional> Candidates(TurnFacts facts, Service service, BookingDraft draft) =>
        draft.ProfessionalId is { } id && facts.Business.FindProfessional(id) is { } p ? [p] : facts.Business.ProfessionalsFor(service.Id);

    internal static Dictionary<string, int> BookingsOn(TurnFacts facts, DateOnly date) =>
        facts.Busy.Where(b => b.AppointmentId is not null && LocalTime.Today(b.FromUtc, facts.Zone) == date)
            .GroupBy(b => b.ProfessionalId).ToDictionary(g => g.Key, g => g.Count());

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
