using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Functions.Admin.Api;

public sealed record CustomerView(string Name, string Phone, string? Email);

/// <param name="Code">The 6-character code the customer was given.</param>
/// <param name="Status"><c>booked</c>, <c>cancelled</c> or <c>rescheduled</c> (moved: see <paramref name="RescheduledToId"/>).</param>
/// <param name="Start">The business's local wall time, <c>yyyy-MM-ddTHH:mm</c>.</param>
/// <param name="Source"><c>whatsapp</c>, <c>admin</c> or <c>api</c>.</param>
/// <param name="Services">Every service in order with its professional and times: one, or a visit's several back to back
/// (<paramref name="ServiceId"/> and <paramref name="ProfessionalId"/> are then the first's, the times span the visit).</param>
public sealed record AppointmentView(
    string Id, string Code, string Status, string ServiceId, string? ServiceName, string ProfessionalId, string? ProfessionalName,
    string Start, string End, DateTimeOffset StartUtc, DateTimeOffset EndUtc, CustomerView Customer, string Source,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? RescheduledFromId, string? RescheduledToId,
    IReadOnlyList<AppointmentServiceView> Services);

/// <summary>A free start offered instead of the one refused; for a visit split across professionals, <paramref name="Team"/>
/// names who does each service.</summary>
public sealed record AlternativeView(string Start, DateTimeOffset StartUtc, string ProfessionalId, IReadOnlyList<string>? Team = null);

/// <summary>One service of an appointment (a visit has several, back to back) with who does it and when (local times).</summary>
public sealed record AppointmentServiceView(string ServiceId, string? ServiceName, string ProfessionalId, string? ProfessionalName,
    string Start, string End);

internal static class AppointmentViews
{
    public static AppointmentView Of(Appointment a, BusinessSnapshot s) => new(
        a.Id, a.Code, Status(a.Status), a.ServiceId, s.FindService(a.ServiceId)?.Name, a.ProfessionalId, s.FindProfessional(a.ProfessionalId)?.Name,
        CatalogViews.Local(a.StartUtc, s), CatalogViews.Local(a.EndUtc, s), a.StartUtc, a.EndUtc,
        new CustomerView(a.Customer.Name, a.Customer.Phone, a.Customer.Email), Source(a.Source),
        a.CreatedUtc, a.UpdatedUtc, a.RescheduledFromId, a.RescheduledToId,
        [.. a.Visit.Select(v => new AppointmentServiceView(v.ServiceId, s.FindService(v.ServiceId)?.Name, v.ProfessionalId,
            s.FindProfessional(v.ProfessionalId)?.Name, CatalogViews.Local(v.StartUtc, s), CatalogViews.Local(v.EndUtc, s)))]);

    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.Cancelled => "cancelled",
        _ => "rescheduled",
    };

    public static AppointmentStatus? ParseStatus(string text) => text switch
    {
        "booked" => AppointmentStatus.Booked,
        "cancelled" => AppointmentStatus.Cancelled,
        "rescheduled" => AppointmentStatus.Rescheduled,
        _ => null,
    };

    private static string Source(AppointmentSource source) => source switch
    {
        AppointmentSource.WhatsApp => "whatsapp",
        AppointmentSource.Admin => "admin",
        _ => "api",
    };
}
