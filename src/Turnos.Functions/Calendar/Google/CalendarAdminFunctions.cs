using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Turnos.Functions.Admin;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>
/// A business's Google Calendar connection: <c>POST /api/admin/businesses/{businessId}/calendar/connect</c> (a
/// connect link), <c>GET …/calendar</c> (status, with a fresh link when a reconnect is needed) and
/// <c>DELETE …/calendar</c> (revoke and forget). Staff see the status; connecting and disconnecting are for managers.
/// </summary>
public sealed class CalendarAdminFunctions(CatalogStore catalog, CalendarConnections connections, CalendarOutbox outbox,
    IOptions<GoogleOptions> google)
{
    private const string Calendar = AdminRoutes.Business + "/calendar";

    [Function("ConnectCalendar")]
    public Task<IActionResult> Connect(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Calendar + "/connect")] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CalendarHandlers.ConnectAsync(businessId, request.HttpContext, catalog, connections, google, ct));

    [Function("GetCalendarStatus")]
    public Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Calendar)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => CalendarHandlers.StatusAsync(businessId, request.HttpContext, catalog, connections, outbox, google, ct));

    [Function("DisconnectCalendar")]
    public Task<IActionResult> Disconnect(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Calendar)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CalendarHandlers.DisconnectAsync(businessId, request.HttpContext, catalog, google, ct));
}
