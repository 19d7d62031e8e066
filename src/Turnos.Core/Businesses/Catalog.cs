namespace Turnos.Core.Businesses;

public sealed record Service(
    string Id,
    string Name,
    int DurationMinutes,
    decimal Price,
    string? Description)
{
    /// <summary>Other names customers use for it, in any of the business's languages ("haircut", "beard trim").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>
/// A professional and the services they offer. The professional is the single source of
/// "who offers what"; <see cref="BusinessSnapshot.ProfessionalsFor"/> answers it per service.
/// </summary>
public sealed record Professional(
    string Id,
    string Name,
    string? Email,
    WeeklyHours Hours,
    IReadOnlyList<string> ServiceIds)
{
    /// <summary>The professional's own Google calendar (usually their email), whose busy times count too.</summary>
    public string? CalendarId { get; init; }

    /// <summary>Where the professional is told of their new, cancelled and moved appointments (E.164); null: not told.</summary>
    public string? WhatsAppNumber { get; init; }

    /// <summary>True when <see cref="Hours"/> are the business's default hours rather than the professional's
    /// own, so that changing the business's hours changes theirs.</summary>
    public bool UsesBusinessHours { get; init; }
}

/// <summary>
/// Time off or a holiday, for the whole business (<see cref="ProfessionalId"/> null) or one professional.
/// Instants are UTC.
/// </summary>
public sealed record Block(
    string Id,
    string? ProfessionalId,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string? Reason);
