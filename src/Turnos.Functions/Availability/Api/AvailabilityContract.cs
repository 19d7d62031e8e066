using System.Text.Json.Serialization;

namespace Turnos.Functions.Availability.Api;

// The source system's response shapes, property for property (snake_case through ApiJson.Options).

internal sealed record AvailabilityData(ServiceJson Servicio, IReadOnlyList<DateJson> DisponibilidadPorFecha, MetadataJson Metadata);

internal sealed record ServiceJson(string Id, string Nombre, int DuracionMinutos, decimal Precio);

internal sealed record DateJson(string Fecha, string DiaSemana, IReadOnlyList<ProfessionalJson> Profesionales, int TotalSlotsDisponiblesDia);

/// <param name="HorarioLaboral">Null on a day the professional does not work.</param>
internal sealed record ProfessionalJson(
    string ProfesionalId,
    string Nombre,
    IReadOnlyList<ISlotJson> Slots,
    int TotalSlotsDisponibles,
    WorkingHoursJson? HorarioLaboral);

internal sealed record WorkingHoursJson(string Inicio, string Fin);

internal sealed record MetadataJson(int TotalProfesionales, DateRangeJson RangoFechas, string GeneradoEn);

internal sealed record DateRangeJson(string Desde, string Hasta);

/// <summary>A slot at the caller's level of detail; each level is its own shape, so nothing hidden is even present.</summary>
[JsonDerivedType(typeof(CustomerSlotJson))]
[JsonDerivedType(typeof(BotSlotJson))]
[JsonDerivedType(typeof(StaffSlotJson))]
internal interface ISlotJson
{
    bool Disponible { get; }
}

internal sealed record CustomerSlotJson(string Hora, bool Disponible) : ISlotJson;

internal sealed record BotSlotJson(string Hora, bool Disponible, string? RazonNoDisponible) : ISlotJson;

internal sealed record StaffSlotJson(
    string Hora,
    bool Disponible,
    int DuracionDisponible,
    string? RazonNoDisponible,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CitaId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClienteNombre,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotaInterna) : ISlotJson;

/// <summary><c>GET /api/v1/citas/disponibilidad-inmediata</c>.</summary>
internal sealed record WalkInJson(bool DisponibleAhora, WalkInProfessionalJson? Profesional, NextFreeJson? ProximaDisponibilidad);

internal sealed record WalkInProfessionalJson(string Id, string Nombre);

internal sealed record NextFreeJson(string Fecha, string Hora, string ProfesionalId, string Nombre);
