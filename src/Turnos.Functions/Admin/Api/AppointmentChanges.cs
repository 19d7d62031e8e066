using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Admin.Api;

/// <summary>Booking, cancelling and moving through <see cref="BookingService"/>: the chat's rules, locks and calendar work.
/// Each change that took place then starts its calendar update (<c>syncCalendar</c>, given the appointment id)
/// without waiting for Google.</summary>
internal static class AppointmentChanges
{
    /// <summary>Response header set when an idempotency key had already booked the appointment returned.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<IResult> BookAsync(string businessId, HttpContext http, CatalogStore catalog, BookingService booking,
        BookingProblems problems, Func<string, Task> syncCalendar, CancellationToken ct)
    {
        var (body, problem) = await ApiJson.ReadAsync<NewAppointmentRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (await catalog.GetSnapshotAsync(businessId, ct) is not { } s) return ApiProblems.BusinessNotFound(businessId);
        var errors = new List<FieldError>();
        var serviceId = body!.ServiceId?.Trim();
        var visit = AppointmentInput.Services(body.ServiceIds, serviceId, errors);
        for (var i = 0; i < (visit?.Count ?? 0); i++)
            if (s.FindService(visit![i]) is null) errors.Add(new($"serviceIds[{i}]", $"'{visit[i]}' is not a service of this business"));
        if (visit is { Count: > 0 }) serviceId = visit[0];
        else if (string.IsNullOrEmpty(serviceId)) errors.Add(new("serviceId", "is required (or serviceIds, for several services in one visit)"));
        var start = AppointmentInput.Start(body.Start, "start", s.Business.TimeZone, errors);
        var customer = AppointmentInput.Customer(body.Customer, errors);
        var key = string.IsNullOrWhiteSpace(body.IdempotencyKey) ? null : body.IdempotencyKey.Trim();
        if (key?.Length > AppointmentInput.MaxIdempotencyKeyLength)
            errors.Add(new("idempotencyKey", $"must be at most {AppointmentInput.MaxIdempotencyKeyLength} characters"));
        if (errors.Count > 0) return ApiProblems.Validation(errors);

        var professionalId = string.IsNullOrWhiteSpace(body.ProfessionalId) ? null : body.ProfessionalId.Trim();
        // Keys of this API live apart from the chat's (message ids), so a client cannot replay a chat booking.
        var request = new BookingRequest(businessId, serviceId!, professionalId, start!.Value, customer!, AppointmentSource.Admin,
            key is null ? null : "admin|" + key, ServiceIds: visit is { Count: > 1 } ? visit : null);
        switch (await booking.BookAsync(request, ct))
        {
            case BookingResult.Booked { Appointment: var a, Replayed: var replayed }:
                if (replayed) http.Response.Headers[ReplayedHeader] = "true";
                await syncCalendar(a.Id); // a replay too: its first request may have died before starting it
                return Results.Created($"/api/admin/businesses/{businessId}/appointments/{a.Id}", AppointmentViews.Of(a, s));
            case BookingResult.Refused r:
                return await problems.RefusedAsync(s, r.Reason, r.SlotReason, serviceId!, professionalId, start.Value, null, ct, visit);
            default:
                throw new InvalidOperationException("Unexpected booking result.");
        }
    }

    public static async Task<IResult> CancelAsync(string businessId, string appointmentId, CatalogStore catalog, AppointmentStore store,
        BookingService booking, Func<string, Task> syncCalendar, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is not { } s) return ApiProblems.BusinessNotFound(businessId);
        if (await AppointmentHandlers.FindAsync(store, businessId, appointmentId, ct) is not { } found)
            return ApiProblems.NotFound("appointment", appointmentId, businessId);
        var result = await booking.CancelAsync(businessId, found.Id, ct);
        if (result is CancelResult.Cancelled) await syncCalendar(found.Id);
        return result switch
        {
            CancelResult.Cancelled c => Results.Ok(AppointmentViews.Of(c.Appointment, s)),
            CancelResult.NotActive n => NotActive(n.Appointment),
            _ => ApiProblems.NotFound("appointment", appointmentId, businessId),
        };
    }

    public static async Task<IResult> RescheduleAsync(string businessId, string appointmentId, HttpRequest request, CatalogStore catalog,
        AppointmentStore store, BookingService booking, BookingProblems problems, Func<string, Task> syncCalendar, CancellationToken ct)
    {
        var (body, problem) = await ApiJson.ReadAsync<RescheduleRequest>(request, ct);
        if (problem is not null) return problem;
        if (await catalog.GetSnapshotAsync(businessId, ct) is not { } s) return ApiProblems.BusinessNotFound(businessId);
        var errors = new List<FieldError>();
        var start = AppointmentInput.Start(body!.Start, "start", s.Business.TimeZone, errors);
        if (errors.Count > 0) return ApiProblems.Validation(errors);
        if (await AppointmentHandlers.FindAsync(store, businessId, appointmentId, ct) is not { } found)
            return ApiProblems.NotFound("appointment", appointmentId, businessId);

        var professionalId = string.IsNullOrWhiteSpace(body.ProfessionalId) ? null : body.ProfessionalId.Trim();
        var result = await booking.RescheduleAsync(businessId, found.Id, start!.Value, professionalId, ct);
        if (result is RescheduleResult.Rescheduled moved) await syncCalendar(moved.Replacement.Id);
        return result switch
        {
            RescheduleResult.Rescheduled r => Results.Ok(AppointmentViews.Of(r.Replacement, s)),
            RescheduleResult.NotActive n => NotActive(n.Appointment),
            RescheduleResult.Refused r => await problems.RefusedAsync(s, r.Reason, r.SlotReason, found.ServiceId,
                professionalId ?? (found.IsVisit ? null : found.ProfessionalId), start.Value, (int)(found.EndUtc - found.StartUtc).TotalMinutes, ct,
                found.IsVisit ? [.. found.Visit.Select(v => v.ServiceId)] : null),
            _ => ApiProblems.NotFound("appointment", appointmentId, businessId),
        };
    }

    internal static IResult NotActive(Appointment a) =>
        ApiProblems.Conflict("Appointment not active", $"Appointment {a.Code} is {AppointmentViews.Status(a.Status)}, not booked.",
            new Dictionary<string, object?>
            {
                ["appointmentStatus"] = AppointmentViews.Status(a.Status),
                ["rescheduledToId"] = a.RescheduledToId,
            });
}
