using Turnos.Core.Availability;
using Turnos.Functions.Admin;

namespace Turnos.Functions.Availability.Api;

/// <summary>How much of a slot a caller sees, and how far ahead it may look: the source design's role table.</summary>
internal enum SlotDetail { Customer, Bot, Staff }

internal static class RoleRules
{
    public static SlotDetail Detail(ApiRole role) => role switch
    {
        ApiRole.Customer => SlotDetail.Customer,
        ApiRole.Bot => SlotDetail.Bot,
        _ => SlotDetail.Staff,
    };

    /// <summary>The most days one request may span; more is clamped, not refused.</summary>
    public static int MaxDays(ApiRole role) => role switch
    {
        ApiRole.Platform => 90,
        ApiRole.Owner => 30,
        ApiRole.Employee => 14,
        _ => 7,
    };
}

/// <summary>The <c>razon_no_disponible</c> codes.</summary>
internal static class ReasonCodes
{
    public static string Full(UnavailableReason reason) => reason switch
    {
        UnavailableReason.OutsideHours => "fuera_de_horario",
        UnavailableReason.Booked => "reservado",
        UnavailableReason.Blocked => "bloqueado",
        UnavailableReason.TooSoon => "muy_pronto",
        UnavailableReason.Past => "pasado",
        UnavailableReason.BeyondHorizon => "fuera_de_rango",
        UnavailableReason.ClosedDay => "dia_cerrado",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>
    /// What a bot may tell a customer: a booked slot and a professional's time off look the same, so
    /// neither someone else's appointment nor a staff member's absence can be inferred; what the customer
    /// can act on (other hours, another day) stays distinct.
    /// </summary>
    public static string Generic(UnavailableReason reason) => reason switch
    {
        UnavailableReason.Booked or UnavailableReason.Blocked => "no_disponible",
        UnavailableReason.OutsideHours or UnavailableReason.ClosedDay => "fuera_de_horario",
        _ => "fuera_de_plazo", // past, too soon, beyond the booking horizon
    };
}
