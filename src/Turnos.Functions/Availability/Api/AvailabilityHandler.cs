using Turnos.Core.Availability;
using Turnos.Core.Businesses;
using Turnos.Functions.Admin;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Availability.Api;

/// <summary><c>GET /api/v1/disponibilidad</c>: the chat's availability, in the source contract's shape.</summary>
internal sealed class AvailabilityHandler(CatalogStore catalog, AvailabilityService availability, AppointmentStore appointments, TimeProvider time)
{
    public async Task<ApiAnswer> GetAsync(ApiCaller caller, IQueryCollection query, CancellationToken ct)
    {
        var (snapshot, problem) = await ApiBusiness.ResolveAsync(catalog, caller, query, ct);
        if (snapshot is null) return problem!.ToAnswer();
        var now = time.GetUtcNow();
        var (request, invalid) = AvailabilityRequest.Parse(query, snapshot, now);
        if (request is null) return invalid!.ToAnswer();

        var days = Math.Min(request.Days, RoleRules.MaxDays(caller.Role));
        var outcome = await availability.GetAsync(snapshot.Business.Id, new AvailabilityQuery(request.Service.Id, request.Professional?.Id,
            request.Date, days, request.Time, request.IntervalMinutes, request.DurationMinutes), ct);
        if (outcome is not { Result: { } result }) return Problem(outcome?.Error).ToAnswer();

        var detail = RoleRules.Detail(caller.Role);
        var zone = snapshot.Business.TimeZone;
        // The day either side covers appointments of overnight ranges and buffers reaching into the span.
        var names = await CustomerNames.LoadAsync(appointments, snapshot.Business.Id,
            AvailabilityResponse.NamedAppointments(result, detail, request.OnlyAvailable),
            LocalTime.ToUtc(request.Date.AddDays(-1).ToDateTime(TimeOnly.MinValue), zone),
            LocalTime.ToUtc(request.Date.AddDays(days + 1).ToDateTime(TimeOnly.MinValue), zone), ct);
        return ApiAnswer.Ok(AvailabilityResponse.Build(snapshot, result, detail, request.OnlyAvailable, names, now));
    }

    /// <summary>Only reachable when the catalog changed between validating the request and computing it.</summary>
    private static ApiProblem Problem(AvailabilityError? error) => error switch
    {
        null => ApiProblem.NotFound(ApiBusiness.Parameter, "Negocio no encontrado"),
        AvailabilityError.UnknownService => ApiProblem.NotFound("servicio_id", "Servicio no encontrado"),
        AvailabilityError.UnknownProfessional => ApiProblem.NotFound("profesional_id", "Profesional no encontrado"),
        AvailabilityError.ProfessionalDoesNotOfferService => ApiProblem.Invalid("profesional_id", "El profesional no ofrece este servicio"),
        AvailabilityError.InvalidDuration => ApiProblem.Invalid("duracion", "La duración debe ser múltiplo de 5 minutos"),
        AvailabilityError.InvalidInterval => ApiProblem.Invalid("intervalo_minutos", "El intervalo debe ser de 15, 30 o 60 minutos"),
        _ => ApiProblem.Invalid("rango_dias", "El rango de días debe ser un número entero mayor o igual a 1"),
    };
}
