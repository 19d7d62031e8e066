using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Admin;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Availability.Api;

/// <summary>
/// <c>GET /api/v1/disponibilidad</c> and <c>GET /api/v1/citas/disponibilidad-inmediata</c>: any key may ask (each role
/// sees a different level of detail); the business comes from the query string, so the key's scope is checked there.
/// </summary>
public sealed class AvailabilityFunctions(
    CatalogStore catalog, AvailabilityService availability, AppointmentStore appointments, ScheduleStore schedule,
    GoogleBusyTimes googleBusy, TimeProvider time)
{
    [Function("Availability")]
    public Task<IActionResult> Availability(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AvailabilityApi.AvailabilityRoute)] HttpRequest request,
        CancellationToken ct) =>
        request.RunAsync(null, ApiRoleSets.Anyone,
            caller => AvailabilityApi.AvailabilityAsync(caller, request.Query, catalog, availability, appointments, time, ct));

    [Function("WalkInAvailability")]
    public Task<IActionResult> WalkIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AvailabilityApi.WalkInRoute)] HttpRequest request,
        CancellationToken ct) =>
        request.RunAsync(null, ApiRoleSets.Anyone,
            caller => AvailabilityApi.WalkInAsync(caller, request.Query, catalog, schedule, time, googleBusy, ct));
}
