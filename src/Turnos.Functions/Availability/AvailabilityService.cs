using Turnos.Core.Availability;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Availability;

/// <summary>Availability for a business: the catalog, the professionals' held time (one range query)
/// and the engine.</summary>
public sealed class AvailabilityService(CatalogStore catalog, ScheduleStore schedule, TimeProvider time)
{
    /// <summary>Null when the business does not exist.</summary>
    public async Task<AvailabilityOutcome?> GetAsync(string businessId, AvailabilityQuery query, CancellationToken ct = default)
    {
        var snapshot = await catalog.GetSnapshotAsync(businessId, ct);
        if (snapshot is null) return null;
        var days = Math.Clamp(query.Days, 1, AvailabilityQuery.MaxDays);
        // The day before too: a range that runs past midnight holds time on the first day asked for.
        var held = await schedule.ReadAsync(businessId, query.From.AddDays(-1), query.From.AddDays(days - 1), ct);
        var busy = held.Select(h => new BusyInterval(h.ProfessionalId, h.FromUtc, h.UntilUtc, h.AppointmentId)).ToList();
        return AvailabilityEngine.Compute(snapshot, query, busy, time.GetUtcNow());
    }
}
