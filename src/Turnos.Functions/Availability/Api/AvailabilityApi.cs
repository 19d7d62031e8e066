using Turnos.Functions.Admin;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Availability.Api;

/// <summary>
/// The availability API of the source design, kept to its contract (Spanish names, same shapes) for the
/// widget, the bot and the admin calendar: <c>GET /api/v1/disponibilidad</c> and
/// <c>GET /api/v1/citas/disponibilidad-inmediata</c>. Every role may ask; what each sees differs.
/// </summary>
public static class AvailabilityApi
{
    /// <summary>Routes below the host's <c>api</c> prefix.</summary>
    public const string AvailabilityRoute = "v1/disponibilidad";

    public const string WalkInRoute = "v1/citas/disponibilidad-inmediata";

    private static readonly ApiRole[] AllRoles = Enum.GetValues<ApiRole>();

    internal static async Task<IResult> AvailabilityAsync(ApiCaller caller, IQueryCollection query, CatalogStore catalog,
        AvailabilityService availability, AppointmentStore appointments, TimeProvider time, CancellationToken ct) =>
        (await new AvailabilityHandler(catalog, availability, appointments, time).GetAsync(caller, query, ct)).ToResult();

    internal static async Task<IResult> WalkInAsync(ApiCaller caller, IQueryCollection query, CatalogStore catalog,
        ScheduleStore schedule, TimeProvider time, GoogleBusyTimes googleBusy, CancellationToken ct) =>
        (await new WalkInHandler(catalog, schedule, time, googleBusy).GetAsync(caller, query, ct)).ToResult();
}
