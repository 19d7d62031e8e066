namespace Turnos.Core.Availability;

/// <summary>Why a slot cannot be booked, listed in the order the engine checks them.</summary>
public enum UnavailableReason { OutsideHours, Booked, Blocked, TooSoon, Past, BeyondHorizon, ClosedDay }

/// <summary>Why a query could not be answered at all.</summary>
public enum AvailabilityError
{
    UnknownService,
    UnknownProfessional,
    ProfessionalDoesNotOfferService,
    InvalidInterval,
    InvalidDuration,
    InvalidRange,
}

/// <summary>
/// Which slots to compute: local dates [<see cref="From"/>, From + <see cref="Days"/>) in the business's zone,
/// for one professional or (null) everyone offering the service. <see cref="ExactTime"/> asks for one
/// start per professional per day instead of the whole grid.
/// </summary>
public sealed record AvailabilityQuery(
    string ServiceId,
    string? ProfessionalId,
    DateOnly From,
    int Days = 1,
    TimeOnly? ExactTime = null,
    int? IntervalMinutes = null,
    int? DurationMinutes = null)
{
    public const int MaxDays = 366;
    public const int MaxDurationMinutes = 480;

    public static bool IsValidDuration(int minutes) => minutes > 0 && minutes % 5 == 0 && minutes <= MaxDurationMinutes;
}

/// <summary>
/// Time an existing appointment keeps a professional busy, buffers included; built by the caller from
/// <c>Appointment.HeldFromUtc</c>/<c>HeldUntilUtc</c> (and from calendar busy times, without an id).
/// </summary>
public readonly record struct BusyInterval(
    string ProfessionalId,
    DateTimeOffset FromUtc,
    DateTimeOffset UntilUtc,
    string? AppointmentId = null);
