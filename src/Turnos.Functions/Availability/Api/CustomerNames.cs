using Turnos.Functions.Booking;

namespace Turnos.Functions.Availability.Api;

/// <summary>Customers' names for the appointments a staff answer shows, read in bulk rather than per slot.</summary>
internal static class CustomerNames
{
    /// <summary>Up to this many appointments are read by id, all at once; more is one range query of the appointments.</summary>
    private const int PointReads = 24;

    /// <param name="fromUtc">Start of the span the appointments start in (a superset is fine).</param>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(AppointmentStore store, string businessId,
        IReadOnlyCollection<string> ids, DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ids.Count == 0) return names;
        var missing = ids;
        if (ids.Count > PointReads)
        {
            foreach (var appointment in await store.ListAsync(businessId, fromUtc, untilUtc, ct))
                if (ids.Contains(appointment.Id)) names[appointment.Id] = appointment.Customer.Name;
            missing = [.. ids.Where(id => !names.ContainsKey(id))];
        }
        // Whatever the range missed (none, unless clocks or buffers stretch an appointment past it) is read by id.
        var found = await Task.WhenAll(missing.Select(id => store.GetAsync(businessId, id, ct)));
        foreach (var hit in found)
            if (hit is { Appointment: var appointment }) names[appointment.Id] = appointment.Customer.Name;
        return names;
    }
}
