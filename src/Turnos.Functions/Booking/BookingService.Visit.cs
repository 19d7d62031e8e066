using Turnos.Core;
using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Functions.Booking;

/// <summary>Booking a visit of several services: one appointment, one code, its segments planned by
/// <see cref="VisitPlanner"/> (or as the conversation offered them) and held together.</summary>
public sealed partial class BookingService
{
    /// <summary>At most this many services in one visit.</summary>
    public const int MaxVisitServices = 6;

    private static BookingResult.Refused? ValidateVisit(BusinessSnapshot snapshot, BookingRequest request, Appointment? replacing)
    {
        var ids = request.ServiceIds!;
        var services = ids.Select(snapshot.FindService).ToList();
        if (ids.Count > MaxVisitServices || services.Contains(null) || ids[0] != request.ServiceId || ids.Distinct().Count() != ids.Count)
            return new(BookingRefusal.UnknownService);
        if (request.ProfessionalId is { } pid)
        {
            if (snapshot.FindProfessional(pid) is not { } professional) return new(BookingRefusal.UnknownProfessional);
            if (!ids.Any(professional.ServiceIds.Contains)) return new(BookingRefusal.ProfessionalDoesNotOfferService);
        }
        if (request.Team is { } team)
        {
            if (team.Count != ids.Count) return new(BookingRefusal.UnknownProfessional);
            for (var i = 0; i < ids.Count; i++)
            {
                if (snapshot.FindProfessional(team[i]) is not { } member) return new(BookingRefusal.UnknownProfessional);
                if (!member.ServiceIds.Contains(ids[i])) return new(BookingRefusal.ProfessionalDoesNotOfferService);
            }
        }
        if (request.StartUtc.UtcTicks % TimeSpan.FromMinutes(SlotLocks.GranuleMinutes).Ticks != 0) return new(BookingRefusal.InvalidStart);
        var policy = snapshot.Business.Policy;
        var total = Visit.TotalMinutes(VisitServices(snapshot, request, replacing));
        return total + policy.BufferBeforeMinutes + policy.BufferAfterMinutes > CatalogValidator.MaxHeldMinutes ? new(BookingRefusal.InvalidDuration) : null;
    }

    private async Task<BookingResult> HoldVisitAsync(BusinessSnapshot snapshot, BookingRequest request, string id, Appointment? replacing,
        CancellationToken ct)
    {
        var services = VisitServices(snapshot, request, replacing);
        var now = time.GetUtcNow();
        var day = LocalTime.Today(request.StartUtc, snapshot.Business.TimeZone);
        // As for one service: Google fresh, and the visit being moved does not stand in its own way.
        var googleTask = googleBusy?.GetAsync(snapshot, day.AddDays(-1), day, fresh: true, ct) ?? Task.FromResult<IReadOnlyList<BusyInterval>>([]);
        var held = await schedule.ReadAsync(snapshot.Business.Id, day.AddDays(-1), day, ct);
        var busy = held.Where(h => h.AppointmentId != replacing?.Id)
            .Select(h => new BusyInterval(h.ProfessionalId, h.FromUtc, h.UntilUtc, h.AppointmentId)).Concat(await googleTask).ToList();
        var counts = held.Where(h => h.WorkDay == day).GroupBy(h => h.ProfessionalId)
            .ToDictionary(g => g.Key, g => g.Select(h => h.AppointmentId).Distinct().Count());

        var plan = request.Team is { } team
            ? Exactly(snapshot, services, team, request.StartUtc, busy, now)
            : VisitPlanner.Plan(snapshot, services, request.ProfessionalId, request.StartUtc, busy, now, counts);
        if (!plan.Planned) return new BookingResult.Refused(BookingRefusal.SlotUnavailable, plan.Reason);

        var segments = plan.Segments!;
        var first = AvailabilityEngine.CheckSlot(snapshot, services[0], snapshot.FindProfessional(segments[0].ProfessionalId)!, request.StartUtc, [], now);
        var policy = snapshot.Business.Policy;
        var appointment = new Appointment(id, BookingCode.New(), snapshot.Business.Id, services[0].Id, segments[0].ProfessionalId, request.Customer,
            request.StartUtc, segments[^1].EndUtc, policy.BufferBeforeMinutes, policy.BufferAfterMinutes, first.WorkDay,
            AppointmentStatus.Booked, request.Source, request.IdempotencyKey, CalendarEventId: null, now, now, Segments: ValueList.Of(segments),
            Language: request.Language);
        // Split into many runs near the longest visit allowed, its rows would not fit in one transaction (ScheduleStore.HoldRows).
        if (!ScheduleStore.Fits(appointment)) return new BookingResult.Refused(BookingRefusal.InvalidDuration);
        var taken = replacing is not null
            ? await schedule.TryMoveAsync(replacing, appointment, ct)
            : await schedule.TryHoldAsync(appointment, ct);
        if (taken) return new BookingResult.Booked(appointment, Replayed: false);
        LogSlotTaken(snapshot.Business.Id, appointment.ProfessionalId);
        return new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReason.Booked);
    }

    /// <summary>The visit's services as the catalog has them; moved, a booked visit keeps the length of each service it was
    /// booked with (as a moved single service keeps its duration), whatever the catalog says now.</summary>
    private static List<Service> VisitServices(BusinessSnapshot snapshot, BookingRequest request, Appointment? replacing)
    {
        var services = request.ServiceIds!.Select(s => snapshot.FindService(s)!).ToList();
        if (replacing is not { IsVisit: true } old || !old.Visit.Select(v => v.ServiceId).SequenceEqual(request.ServiceIds!)) return services;
        return [.. services.Select((s, i) => s with { DurationMinutes = (int)(old.Visit[i].EndUtc - old.Visit[i].StartUtc).TotalMinutes })];
    }

    /// <summary>The visit as it was offered (who does each service): booked like that or not at all, as a single
    /// service is booked with the professional offered.</summary>
    private static VisitPlan Exactly(BusinessSnapshot snapshot, IReadOnlyList<Service> services, IReadOnlyList<string> team, DateTimeOffset startUtc,
        IReadOnlyList<BusyInterval> busy, DateTimeOffset now)
    {
        var segments = Visit.Segments(services, team[0], startUtc, team);
        for (var i = 0; i < segments.Count; i++)
        {
            var check = AvailabilityEngine.CheckSlot(snapshot, services[i], snapshot.FindProfessional(team[i])!, segments[i].StartUtc, busy, now);
            if (!check.Available) return new VisitPlan(null, check.Reason);
        }
        return new VisitPlan(segments);
    }
}
