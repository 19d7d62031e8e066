using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Turnos.Core.Notices;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Calendar;
using Turnos.Functions.Notices;
using Turnos.Functions.Reminders;

namespace Turnos.Functions.Admin.Api;

/// <summary><c>/api/admin/businesses/{businessId}/appointments</c> (list by <c>from</c>, <c>to</c>, <c>professionalId</c>,
/// <c>status</c>; book), <c>…/appointments/{appointmentId}</c> (id or booking code) and its <c>/cancel</c> and
/// <c>/reschedule</c> and <c>/no-show</c> (POST marks, DELETE unmarks): the same booking rules and slot locks as the chat. Changes start their calendar update through the
/// <c>[DurableClient]</c>, which the isolated worker hands only to function parameters.</summary>
public sealed class AppointmentFunctions(CatalogStore catalog, AppointmentStore store, BookingService booking, BookingProblems problems,
    CalendarStarter calendar, ReminderStarter reminders, ReminderLog reminderLog, NoticeStarter notices, TimeProvider time)
{
    private const string Appointments = AdminRoutes.Business + "/appointments";
    private const string Appointment = Appointments + "/{appointmentId}";

    [Function("ListAppointments")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Appointments)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff, _ => AppointmentHandlers.ListAsync(businessId, request.Query["from"],
            request.Query["to"], request.Query["professionalId"], request.Query["status"], catalog, store, time, ct));

    [Function("GetAppointment")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Appointment)] HttpRequest request, string businessId,
        string appointmentId, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff, _ => AppointmentHandlers.GetAsync(businessId, appointmentId, catalog, store, reminderLog, time, ct));

    [Function("BookAppointment")]
    public Task<IActionResult> Book(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Appointments)] HttpRequest request, string businessId,
        [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => AppointmentChanges.BookAsync(businessId, request.HttpContext, catalog, booking, problems, Sync(client, businessId, NoticeKind.New), ct));

    [Function("CancelAppointment")]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Appointment + "/cancel")] HttpRequest request, string businessId,
        string appointmentId, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => AppointmentChanges.CancelAsync(businessId, appointmentId, catalog, store, booking, Sync(client, businessId, NoticeKind.Cancelled), ct));

    [Function("RescheduleAppointment")]
    public Task<IActionResult> Reschedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Appointment + "/reschedule")] HttpRequest request, string businessId,
        string appointmentId, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => AppointmentChanges.RescheduleAsync(businessId, appointmentId, request, catalog, store, booking, problems,
                Sync(client, businessId, NoticeKind.Moved), ct));

    [Function("MarkNoShow")]
    public Task<IActionResult> MarkNoShow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "delete", Route = Appointment + "/no-show")] HttpRequest request, string businessId,
        string appointmentId, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff, _ => AppointmentAttendance.MarkAsync(businessId, appointmentId,
            noShow: HttpMethods.IsPost(request.Method), catalog, store, time, ct));

    // Not the request's token: once the change is committed, a client hanging up must not cancel its calendar update.
    private Func<string, Task> Sync(DurableTaskClient client, string businessId, NoticeKind change) => async appointmentId =>
    {
        await calendar.StartAsync(client, businessId, appointmentId, CancellationToken.None);
        await reminders.StartAsync(client, businessId, appointmentId, CancellationToken.None);
        await notices.StartAsync(client, businessId, appointmentId, change, CancellationToken.None);
    };
}
