using Turnos.Core.Availability;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Availability;

/// <summary>Availability for a business: the catalog, the professionals' held time (one range query),
/// Google busy times when the business connected its calendar, and the engine.</summary>
public sealed class AvailabilityService(CatalogStore catalog, ScheduleStore schedule, TimeProvider time, GoogleBusyTimes? googleBusy = null)
{
    /// <summary>Null when the business does not exist.</summary>
    public async Task<AvailabilityOutcome?> GetAsync(string businessId, AvailabilityQuery query, CancellationToken ct = default)
    {
        var snapshot = await catalog.GetSnapshotAsync(businessId, ct);
        if (snapshot is null) return null;
        var days = Math.Clamp(query.Days, 1, AvailabilityQuery.MaxDays);
        var busy = await BusyAsync(snapshot, query.From, days, ct);
        return AvailabilityEngine.Compute(snapshot, query, busy, time.GetUtcNow());
    }

    /// <summary>Held and Google busy times over local days [from, from + days).</summary>
    public async Task<List<BusyInterval>> BusyAsync(Turnos.Core.Businesses.BusinessSnapshot snapshot, DateOnly from, int days, CancellationToken ct)
    {
        // The day before too: a range that runs past midnight holds time on the first day asked for.
        var heldTask = schedule.ReadAsync(snapshot.Business.Id, from.AddDays(-1), from.AddDays(days - 1), ct);
        var googleTask = googleBusy?.GetAsync(snapshot, from.AddDays(-1), from.AddDays(days - 1), fresh: false, ct)
            ?? Task.FromResult<IReadOnlyList<BusyInterval>>([]);
        var busy = (await heldTask).Select(h => new BusyInterval(h.ProfessionalId, h.FromUtc, h.UntilUtc, h.AppointmentId)).ToList();
        busy.AddRange(await googleTask);
        return busy;
    }
}
