using System.Diagnostics.CodeAnalysis;
using Turnos.Core.Businesses;

namespace Turnos.Core.Availability;

/// <summary>
/// One possible start. <see cref="LocalTime"/> is the wall time of <see cref="StartUtc"/> in the business's
/// zone, so labels repeat on a fall-back night. <see cref="FreeMinutes"/> is how long a booking could run
/// from this start (0 when unavailable); <see cref="AppointmentId"/> names the appointment in the way when
/// <see cref="Reason"/> is <see cref="UnavailableReason.Booked"/>.
/// </summary>
public sealed record Slot(
    TimeOnly LocalTime,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    bool Available,
    UnavailableReason? Reason,
    int FreeMinutes,
    string? AppointmentId);

/// <summary>One professional on one local date. <see cref="Hours"/> are that weekday's working ranges.</summary>
public sealed record ProfessionalDay(
    string ProfessionalId,
    string Name,
    IReadOnlyList<WorkingRange> Hours,
    IReadOnlyList<Slot> Slots)
{
    public bool Closed => Hours.Count == 0;

    public int AvailableCount { get; } = Slots.Count(s => s.Available);
}

public sealed record DayAvailability(DateOnly Date, IReadOnlyList<ProfessionalDay> Professionals)
{
    public int AvailableCount => Professionals.Sum(p => p.AvailableCount);
}

public sealed record AvailabilityResult(Service Service, IReadOnlyList<DayAvailability> Days)
{
    public int DurationMinutes { get; init; } = Service.DurationMinutes;

    public int IntervalMinutes { get; init; }
}

/// <summary>Either a result or the reason there is none; expected failures are values, not exceptions.</summary>
public sealed class AvailabilityOutcome
{
    private AvailabilityOutcome(AvailabilityResult? result, AvailabilityError? error) => (Result, Error) = (result, error);

    public AvailabilityResult? Result { get; }

    public AvailabilityError? Error { get; }

    [MemberNotNullWhen(true, nameof(Result))]
    public bool IsSuccess => Result is not null;

    public static AvailabilityOutcome Success(AvailabilityResult result) => new(result, null);

    public static AvailabilityOutcome Failure(AvailabilityError error) => new(null, error);

    public static implicit operator AvailabilityOutcome(AvailabilityResult result) => Success(result);

    public static implicit operator AvailabilityOutcome(AvailabilityError error) => Failure(error);

    public override string ToString() => IsSuccess ? $"Success({Result.Days.Count} days)" : $"Failure({Error})";
}

/// <summary>
/// The verdict on one concrete start for one professional. <see cref="WorkDay"/> is the local date of the
/// working range that contains the appointment (the local date of the start when none does).
/// </summary>
public sealed record SlotCheck(
    bool Available,
    UnavailableReason? Reason,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    DateOnly WorkDay,
    DateTimeOffset HeldFromUtc,
    DateTimeOffset HeldUntilUtc,
    int FreeMinutes,
    string? AppointmentId);
