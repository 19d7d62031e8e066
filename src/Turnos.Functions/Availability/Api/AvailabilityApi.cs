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
    private static readonly ApiRole[] AllRoles = Enum.GetValues<ApiRole>();

    public static IEndpointRouteBuilder MapAvailabilityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/v1", AllRoles).WithTags("Disponibilidad");
        api.MapGet("/disponibilidad", async (HttpContext http, CatalogStore catalog, AvailabilityService availability,
                AppointmentStore appointments, TimeProvider time, CancellationToken ct) =>
            (await new AvailabilityHandler(catalog, availability, appointments, time).GetAsync(http.GetCaller(), http.Request.Query, ct)).ToResult())
            .WithSummary("Horarios disponibles por fecha y profesional");
        api.MapGet("/citas/disponibilidad-inmediata", async (HttpContext http, CatalogStore catalog, ScheduleStore schedule,
                TimeProvider time, GoogleBusyTimes googleBusy, CancellationToken ct) =>
            (await new WalkInHandler(catalog, schedule, time, googleBusy).GetAsync(http.GetCaller(), http.Request.Query, ct)).ToResult())
            .WithSummary("Si alguien puede atender ahora (sin turno) y, si no, cuándo");
        return app;
    }
}
