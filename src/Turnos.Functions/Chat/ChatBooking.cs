using Turnos.Core.Businesses;
using Turnos.Core.Conversations;

namespace Turnos.Functions.Chat;

/// <summary>
/// How a chat request books, from the source system's config: <c>duracion_cita_minutos</c> (the length of what is booked),
/// <c>slots</c> (the interval of the times offered) and, with <c>agendar_usuario</c>, <c>correo_usuario</c> (the
/// professional, by email, who gets the appointment). A value the business could not hold (a length not a multiple of
/// 5 up to 8 hours, an interval other than 15, 30 or 60, an email of nobody) is ignored, as a default would be.
/// </summary>
public sealed record ChatBooking(int? DurationMinutes = null, int? SlotMinutes = null, string? ProfessionalEmail = null)
{
    public int? ValidDuration => DurationMinutes is >= 5 and <= 480 && DurationMinutes % 5 == 0 ? DurationMinutes : null;

    /// <summary>The business as this chat sees it: every service that long, the times offered at that interval.</summary>
    public BusinessSnapshot Apply(BusinessSnapshot s)
    {
        var business = SlotMinutes is { } slots && BookingPolicy.AllowedIntervals.Contains(slots)
            ? s.Business with { Policy = s.Business.Policy with { SlotIntervalMinutes = slots } }
            : s.Business;
        var services = ValidDuration is { } minutes ? [.. s.Services.Select(x => x with { DurationMinutes = minutes })] : s.Services;
        return ReferenceEquals(business, s.Business) && ReferenceEquals(services, s.Services)
            ? s : new BusinessSnapshot(business, services, s.Professionals, s.Blocks);
    }

    /// <summary>The conversation with the named professional in its draft, unless the customer chose one already.</summary>
    public ConversationState Apply(ConversationState state, BusinessSnapshot s) =>
        ProfessionalEmail is { } email && state.Draft.ProfessionalId is null
            && s.Professionals.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)) is { } professional
            ? state with { Draft = state.Draft with { ProfessionalId = professional.Id } }
            : state;
}
