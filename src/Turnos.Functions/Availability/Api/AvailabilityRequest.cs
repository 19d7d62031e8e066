using System.Globalization;
using System.Text;
using Turnos.Core.Businesses;
using static Turnos.Functions.Availability.Api.ApiBusiness;

namespace Turnos.Functions.Availability.Api;

/// <summary>A validated <c>GET /api/v1/disponibilidad</c>. <see cref="Days"/> is as asked, before the role's cap.</summary>
internal sealed record AvailabilityRequest(
    DateOnly Date,
    Service Service,
    Professional? Professional,
    TimeOnly? Time,
    int? DurationMinutes,
    int IntervalMinutes,
    int Days,
    bool OnlyAvailable)
{
    public const int MinDuration = 15;
    public const int MaxDuration = 480;

    /// <summary>Checks the parameters in a fixed order and names the first one at fault, in Spanish.</summary>
    public static (AvailabilityRequest? Request, ApiProblem? Problem) Parse(IQueryCollection query, BusinessSnapshot snapshot, DateTimeOffset nowUtc)
    {
        var today = LocalTime.Today(nowUtc, snapshot.Business.TimeZone);
        if (Text(query, "fecha") is not { } fechaText) return Fail("fecha", "La fecha es requerida");
        if (ParseDate(fechaText, today) is not { } date) return Fail("fecha", "Formato de fecha inválido (YYYY-MM-DD)");
        // Far enough for any real question, and far from the ends of the calendar, where day arithmetic overflows.
        if (date.Year is < 2000 or > 2999) return Fail("fecha", "La fecha está fuera de rango");
        var (service, professional, problem) = CatalogParameters.Parse(query, snapshot);
        if (problem is not null) return (null, problem);

        TimeOnly? time = null;
        if (Text(query, "hora") is { } horaText)
        {
            if (!TimeOnly.TryParseExact(horaText, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                return Fail("hora", "Formato de hora inválido (HH:MM)");
            // Bookings start on 5-minute granules; offering 10:07 would offer what cannot be booked.
            if (t.Minute % 5 != 0) return Fail("hora", "La hora debe ser múltiplo de 5 minutos (por ejemplo 10:05)");
            time = t;
        }

        int? duration = null;
        if (Text(query, "duracion") is { } duracionText)
        {
            if (Number(duracionText) is not int d || d is < MinDuration or > MaxDuration)
                return Fail("duracion", $"La duración debe estar entre {MinDuration} y {MaxDuration} minutos");
            if (d % 5 != 0) return Fail("duracion", "La duración debe ser múltiplo de 5 minutos");
            duration = d;
        }

        var interval = snapshot.Business.Policy.SlotIntervalMinutes;
        if (Text(query, "intervalo_minutos") is { } intervaloText)
        {
            if (Number(intervaloText) is not int i || i is not (15 or 30 or 60)) return Fail("intervalo_minutos", "El intervalo debe ser de 15, 30 o 60 minutos");
            interval = i;
        }

        var days = 1;
        if (Text(query, "rango_dias") is { } rangoText)
        {
            if (Number(rangoText) is not int r || r < 1) return Fail("rango_dias", "El rango de días debe ser un número entero mayor o igual a 1");
            days = r;
        }

        // Asking for one time is asking whether it is free: the slot is shown either way unless told otherwise.
        var onlyAvailable = time is null;
        if (Text(query, "solo_disponibles") is { } soloText)
        {
            if (Flag(soloText) is not { } flag) return Fail("solo_disponibles", "solo_disponibles debe ser true o false");
            onlyAvailable = flag;
        }
        return (new AvailabilityRequest(date, service!, professional, time, duration, interval, days, onlyAvailable), null);
    }

    /// <summary><c>YYYY-MM-DD</c>, <c>hoy</c>, <c>mañana</c> (or <c>manana</c>) in the business's zone.</summary>
    private static DateOnly? ParseDate(string text, DateOnly today) =>
        text.Normalize(NormalizationForm.FormC).ToLowerInvariant() switch
        {
            "hoy" => today,
            "mañana" or "manana" => today.AddDays(1),
            var other when DateOnly.TryParseExact(other, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
            _ => null,
        };

    /// <summary>Digits only: signs, decimals and spaces are not numbers here.</summary>
    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool? Flag(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static (AvailabilityRequest?, ApiProblem?) Fail(string campo, string mensaje) => (null, ApiProblem.Invalid(campo, mensaje));
}

/// <summary><c>servicio_id</c> and <c>profesional_id</c>, shared by both availability endpoints.</summary>
internal static class CatalogParameters
{
    public static (Service? Service, Professional? Professional, ApiProblem? Problem) Parse(IQueryCollection query, BusinessSnapshot snapshot)
    {
        if (Text(query, "servicio_id") is not { } serviceId) return (null, null, ApiProblem.Invalid("servicio_id", "El servicio es requerido"));
        if (snapshot.FindService(serviceId) is not { } service) return (null, null, ApiProblem.NotFound("servicio_id", "Servicio no encontrado"));
        if (Text(query, "profesional_id") is not { } professionalId) return (service, null, null);
        if (snapshot.FindProfessional(professionalId) is not { } professional)
            return (null, null, ApiProblem.NotFound("profesional_id", "Profesional no encontrado"));
        if (!professional.ServiceIds.Contains(service.Id))
            return (null, null, ApiProblem.Invalid("profesional_id", "El profesional no ofrece este servicio"));
        return (service, professional, null);
    }
}
