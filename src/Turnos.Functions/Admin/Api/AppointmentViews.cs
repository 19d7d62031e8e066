using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Functions.Admin.Api;

public sealed record CustomerView(string Name, string Phone, string? Email);

/// <param name="Code">The 6-character code the customer was given.</param>
/// <param name="Status"><c>booked</c>, <c>cancelled</c> or <c>rescheduled</c> (moved: see <paramref name="RescheduledToId"/>).</param>
/// <param name="Start">The business's local wall time, <c>yyyy-MM-ddTHH:mm</c>.</param>
/// <param name="Source"><c>whatsapp</c>, <c>admin</c> or <c>api</c>.</param>
public sealed record AppointmentView(
    string Id, string Code, string Status, string ServiceId, string? ServiceName, string ProfessionalId, string? ProfessionalName,
    string Start, string End, DateTimeOffset StartUtc, DateTimeOffset EndUtc, CustomerView Customer, string Source,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? RescheduledFromId, string? RescheduledToId);

/// <summary>A free start offered instead of the one refused.</summary>
public sealed record AlternativeView(string Start, DateTimeOffset StartUtc, string ProfessionalId);

internal static class AppointmentViews
{
    public static AppointmentView Of(Appointment a, BusinessSnapshot s) => new(
        a.Id, a.Code, Status(a.Status), a.ServiceId, s.FindService(a.ServiceId)?.Name, a.ProfessionalId, s.FindProfessional(a.ProfessionalId)?.Name,
        CatalogViews.Local(a.StartUtc, s), CatalogViews.Local(a.EndUtc, s), a.StartUtc, a.EndUtc,
        new CustomerView(a.Customer.Name, a.Customer.Phone, a.Customer.Email), Source(a.Source),
        a.CreatedUtc, a.UpdatedUtc, a.RescheduledFromId, a.RescheduledToId);

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
