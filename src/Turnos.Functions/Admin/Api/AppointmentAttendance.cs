using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Admin.Api;

/// <summary><c>…/appointments/{appointmentId}/no-show</c>: staff mark (POST) or unmark (DELETE) that the customer did not come.
/// Only a booked appointment whose start has passed can be marked; marking twice changes nothing.</summary>
internal static class AppointmentAttendance
{
    private const int Attempts = 5;

    public static async Task<IResult> MarkAsync(string businessId, string appointmentId, bool noShow, CatalogStore catalog, AppointmentStore store,
        TimeProvider time, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is not { } s) return ApiProblems.BusinessNotFound(businessId);
        if (await AppointmentHandlers.FindAsync(store, businessId, appointmentId, ct) is not { } found)
            return ApiProblems.NotFound("appointment", appointmentId, businessId);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.GetAsync(businessId, found.Id, ct) is not var (a, etag)) break;
            var now = time.GetUtcNow();
            if (a.Status != AppointmentStatus.Booked) return AppointmentChanges.NotActive(a);
            if (noShow && a.StartUtc > now)
                return ApiProblems.Conflict("Appointment not started", $"Appointment {a.Code} starts at {CatalogViews.Local(a.StartUtc, s)}; " +
                    "it can be marked as a no-show once its start has passed.");
            if (a.NoShowUtc is not null == noShow) return Results.Ok(AppointmentViews.Of(a, s));
            var marked = a with { NoShowUtc = noShow ? now : null, UpdatedUtc = now };
            // Another change meanwhile (a cancel, a confirmation) is read again and judged anew.
            if (await store.TryUpdateAsync(marked, etag, ct)) return Results.Ok(AppointmentViews.Of(marked, s));
        }
        return ApiProblems.Conflict("Appointment busy", $"Appointment {found.Code} kept changing; try again.");
    }
}
