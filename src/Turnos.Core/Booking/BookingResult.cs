using Turnos.Core.Availability;

namespace Turnos.Core.Booking;

/// <summary>Why a booking was not made. Expected outcomes, not errors.</summary>
public enum BookingRefusal
{
    UnknownBusiness,
    UnknownService,
    UnknownProfessional,
    ProfessionalDoesNotOfferService,
    /// <summary>The time cannot be booked; <see cref="BookingResult.Refused.SlotReason"/> says why.</summary>
    SlotUnavailable,
    /// <summary>Start times fall on 5-minute boundaries.</summary>
    InvalidStart,
    InvalidDuration,
    /// <summary>Another request with the same idempotency key is still being processed.</summary>
    InProgress,
}

public abstract record BookingResult
{
    private BookingResult() { }

    /// <param name="Replayed">True when the idempotency key had already booked this appointment.</param>
    public sealed record Booked(Appointment Appointment, bool Replayed) : BookingResult;

    public sealed record Refused(BookingRefusal Reason, UnavailableReason? SlotReason = null) : BookingResult;
}

public abstract record CancelResult
{
    private CancelResult() { }

    public sealed record Cancelled(Appointment Appointment) : CancelResult;

    /// <summary>It was already cancelled or rescheduled; nothing changed.</summary>
    public sealed record NotActive(Appointment Appointment) : CancelResult;

    public sealed record NotFound : CancelResult;
}

/// <summary>A request to book. <see cref="ProfessionalId"/> null means "any professional". A visit names every service in
/// <see cref="ServiceIds"/> (two or more, in order; <see cref="ServiceId"/> is the first) and, when it is split across
/// professionals, who does each in <see cref="Team"/>; without a team, <see cref="ProfessionalId"/> does them all, or
/// with neither the visit is planned (one professional for the whole span first). <see cref="Language"/>: the conversation's.</summary>
public sealed record BookingRequest(
    string BusinessId,
    string ServiceId,
    string? ProfessionalId,
    DateTimeOffset StartUtc,
    CustomerInfo Customer,
    AppointmentSource Source,
    string? IdempotencyKey = null,
    int? DurationMinutes = null,
    IReadOnlyList<string>? ServiceIds = null,
    IReadOnlyList<string>? Team = null,
    Turnos.Core.Businesses.Language? Language = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsVisit => ServiceIds is { Count: > 1 };
}

public abstract record RescheduleResult
{
    private RescheduleResult() { }

    public sealed record Rescheduled(Appointment Replacement, Appointment Original) : RescheduleResult;

    public sealed record Refused(BookingRefusal Reason, UnavailableReason? SlotReason = null) : RescheduleResult;

    public sealed record NotFound : RescheduleResult;

    /// <summary>Cancelled or rescheduled already (possibly at the same moment); nothing changed.</summary>
    public sealed record NotActive(Appointment Appointment) : RescheduleResult;
}

public abstract record ConfirmResult
{
    private ConfirmResult() { }

    /// <summary>Confirmed now, or already before (confirming twice keeps the first time).</summary>
    public sealed record Confirmed(Appointment Appointment) : ConfirmResult;

    /// <summary>Cancelled or rescheduled: there is nothing to confirm.</summary>
    public sealed record NotActive(Appointment Appointment) : ConfirmResult;

    public sealed record NotFound : ConfirmResult;
}
