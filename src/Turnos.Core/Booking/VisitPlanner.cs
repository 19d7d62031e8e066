using Turnos.Core.Availability;
using Turnos.Core.Businesses;

namespace Turnos.Core.Booking;

/// <summary>
/// Plans a visit at one start. One professional who offers every service and is free for the whole span comes
/// first (the least booked that day, as for one service); otherwise each service goes, back to back, to someone
/// who offers it and is free for it — the one who did the previous service when possible, so the customer changes
/// hands as little as possible. A professional asked for by name does every service they offer. Pure.
/// </summary>
public static class VisitPlanner
{
    /// <param name="professionalId">The professional asked for, or null for anyone.</param>
    /// <param name="bookingsThatDay">Bookings per professional that day, to spread work (missing means none).</param>
    public static VisitPlan Plan(BusinessSnapshot snapshot, IReadOnlyList<Service> services, string? professionalId, DateTimeOffset startUtc,
        IReadOnlyList<BusyInterval> busy, DateTimeOffset nowUtc, IReadOnlyDictionary<string, int> bookingsThatDay)
    {
        ArgumentOutOfRangeException.ThrowIfZero(services.Count);
        UnavailableReason? reason = null;
        var total = Visit.TotalMinutes(services);
        var wholeVisit = snapshot.Professionals
            .Where(p => services.All(s => p.ServiceIds.Contains(s.Id)) && (professionalId is null || p.Id == professionalId)).ToList();
        if (AvailabilityQuery.IsValidDuration(total))
        {
            var free = wholeVisit.Where(p => Free(snapshot, services[0], p, startUtc, busy, nowUtc, total, ref reason)).ToList();
            if (free.Count > 0)
                return new VisitPlan(Visit.Segments(services, BookingRules.OrderForAnyProfessional(free, bookingsThatDay)[0].Id, startUtc));
            // Asked for someone who does it all: splitting would hand part of it to someone else.
            if (professionalId is not null && wholeVisit.Count > 0) return new VisitPlan(null, reason);
        }
        var segments = new List<VisitSegment>(services.Count);
        var at = startUtc;
        string? previous = null;
        foreach (var service in services)
        {
            var candidates = snapshot.ProfessionalsFor(service.Id);
            if (professionalId is not null && candidates.FirstOrDefault(p => p.Id == professionalId) is { } asked) candidates = [asked];
            var free = candidates.Where(p => Free(snapshot, service, p, at, busy, nowUtc, null, ref reason)).ToList();
            if (free.Count == 0) return new VisitPlan(null, reason ?? UnavailableReason.OutsideHours);
            var chosen = free.FirstOrDefault(p => p.Id == previous) ?? BookingRules.OrderForAnyProfessional(free, bookingsThatDay)[0];
            segments.Add(new VisitSegment(service.Id, chosen.Id, at, at.AddMinutes(service.DurationMinutes)));
            (previous, at) = (chosen.Id, at.AddMinutes(service.DurationMinutes));
        }
        return new VisitPlan(ValueList.Of(segments));
    }

    private static bool Free(BusinessSnapshot snapshot, Service service, Professional professional, DateTimeOffset startUtc,
        IReadOnlyList<BusyInterval> busy, DateTimeOffset nowUtc, int? minutes, ref UnavailableReason? reason)
    {
        var check = AvailabilityEngine.CheckSlot(snapshot, service, professional, startUtc, busy, nowUtc, minutes);
        // "Booked" says most to a customer who asked for anyone: someone works then, all are busy.
        if (!check.Available && (reason is null || check.Reason == UnavailableReason.Booked)) reason = check.Reason;
        return check.Available;
    }
}
