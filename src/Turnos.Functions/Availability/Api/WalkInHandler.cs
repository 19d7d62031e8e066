using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Functions.Admin;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Availability.Api;

/// <summary>
/// <c>GET /api/v1/citas/disponibilidad-inmediata</c>: can someone take a customer who is at the door? The
/// customer is already here, so the minimum notice does not apply; everything else the chat checks does
/// (hours, blocks, appointments with their buffers, Google busy times).
/// </summary>
internal sealed class WalkInHandler(CatalogStore catalog, ScheduleStore schedule, TimeProvider time, GoogleBusyTimes? googleBusy = null)
{
    /// <summary>Today and the six days after it are searched for the next free time.</summary>
    public const int SearchDays = 7;

    /// <summary>Starts are searched on this grid from each working range's start (the finest the engine offers).</summary>
    public const int SearchIntervalMinutes = 15;

    private static readonly long Granule = TimeSpan.FromMinutes(SlotLocks.GranuleMinutes).Ticks;

    public async Task<ApiAnswer> GetAsync(ApiCaller caller, IQueryCollection query, CancellationToken ct)
    {
        var (found, problem) = await ApiBusiness.ResolveAsync(catalog, caller, query, ct);
        if (found is null) return problem!.ToAnswer();
        var (service, professional, invalid) = CatalogParameters.Parse(query, found);
        if (service is null) return invalid!.ToAnswer();

        var now = time.GetUtcNow();
        // Bookings start on 5-minute granules: the first one not yet begun.
        var start = new DateTimeOffset((now.UtcTicks + Granule - 1) / Granule * Granule, TimeSpan.Zero);
        var today = LocalTime.Today(now, found.Business.TimeZone);
        var (from, until) = (today.AddDays(-1), today.AddDays(SearchDays - 1));
        var googleTask = googleBusy?.GetAsync(found, from, until, fresh: false, ct) ?? Task.FromResult<IReadOnlyList<BusyInterval>>([]);
        var held = await schedule.ReadAsync(found.Business.Id, from, until, ct);
        var busy = held.Select(h => new BusyInterval(h.ProfessionalId, h.FromUtc, h.UntilUtc, h.AppointmentId)).ToList();
        busy.AddRange(await googleTask);

        var business = found.Business with { Policy = found.Business.Policy with { MinimumNoticeMinutes = 0 } };
        var snapshot = new BusinessSnapshot(business, found.Services, found.Professionals, found.Blocks);
        var candidates = professional is null ? snapshot.ProfessionalsFor(service.Id) : [professional];

        var free = new List<Professional>();
        var bookings = new Dictionary<string, int>();
        foreach (var candidate in candidates)
        {
            var check = AvailabilityEngine.CheckSlot(snapshot, service, candidate, start, busy, now);
            if (!check.Available) continue;
            free.Add(candidate);
            bookings[candidate.Id] = held.Count(h => h.ProfessionalId == candidate.Id && h.WorkDay == check.WorkDay);
        }
        // The same choice the chat makes for "anyone": the least booked that day, then catalog order.
        if (BookingRules.OrderForAnyProfessional(free, bookings) is [var chosen, ..])
            return ApiAnswer.Ok(new WalkInJson(true, new WalkInProfessionalJson(chosen.Id, chosen.Name), null));
        return ApiAnswer.Ok(new WalkInJson(false, null, NextFree(snapshot, service, professional, today, busy, start, now)));
    }

    /// <summary>The earliest free start at or after <paramref name="start"/>; ties go to catalog order.</summary>
    private static NextFreeJson? NextFree(BusinessSnapshot snapshot, Service service, Professional? professional, DateOnly today,
        IReadOnlyList<BusyInterval> busy, DateTimeOffset start, DateTimeOffset now)
    {
        var outcome = AvailabilityEngine.Compute(snapshot,
            new AvailabilityQuery(service.Id, professional?.Id, today, SearchDays, IntervalMinutes: SearchIntervalMinutes), busy, now);
        (Slot Slot, ProfessionalDay Professional)? best = null;
        foreach (var pd in outcome.Result?.Days.SelectMany(d => d.Professionals) ?? [])
        {
            if (pd.Slots.FirstOrDefault(s => s.Available && s.StartUtc >= start) is { } slot
                && (best is null || slot.StartUtc < best.Value.Slot.StartUtc))
                best = (slot, pd);
        }
        if (best is not { } b) return null;
        // The calendar date of the start: an overnight range's slot after midnight is on the next day.
        var date = LocalTime.Today(b.Slot.StartUtc, snapshot.Business.TimeZone);
        return new NextFreeJson(AvailabilityResponse.Date(date), AvailabilityResponse.Time(b.Slot.LocalTime), b.Professional.ProfessionalId, b.Professional.Name);
    }
}
