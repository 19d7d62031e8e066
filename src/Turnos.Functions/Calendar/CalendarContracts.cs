namespace Turnos.Functions.Calendar;

/// <summary>
/// Where each business's Google refresh token lives: Key Vault in Azure (one secret per business), a
/// Data Protection–encrypted local store otherwise. Never in tables, logs or conversation state.
/// </summary>
public interface ITokenVault
{
    Task<string?> GetRefreshTokenAsync(string businessId, CancellationToken ct);
    Task SetRefreshTokenAsync(string businessId, string refreshToken, CancellationToken ct);
    Task DeleteAsync(string businessId, CancellationToken ct);
}

/// <summary>A busy interval in a Google calendar (UTC).</summary>
public readonly record struct CalendarBusy(DateTimeOffset FromUtc, DateTimeOffset UntilUtc);

/// <summary>Busy times for one request: the business calendar's (apply to everyone) and each requested
/// professional calendar's, keyed by calendar id.</summary>
public sealed record BusyTimes(IReadOnlyList<CalendarBusy> Business, IReadOnlyDictionary<string, IReadOnlyList<CalendarBusy>> ByCalendar);

/// <summary>An event Turnos keeps in a business's calendar for one appointment.</summary>
/// <param name="EventId">Client-supplied (base32hex), derived from the appointment, so a retry can never create a second event.</param>
public sealed record CalendarEvent(
    string EventId,
    string Summary,
    string Description,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TimeZoneId,
    IReadOnlyList<string> AttendeeEmails,
    bool AddMeetLink);

public enum CalendarCallOutcome
{
    Done,
    /// <summary>The business has no working connection (never connected, or disconnected); nothing to do.</summary>
    NotConnected,
    /// <summary>Worth retrying later: 429, 5xx, timeouts, network.</summary>
    Transient,
    /// <summary>Will not work however often it is tried (e.g. 400, 403 on the calendar).</summary>
    Failed,
}

public sealed record CalendarCallResult(CalendarCallOutcome Outcome, string? Error = null)
{
    public static readonly CalendarCallResult Ok = new(CalendarCallOutcome.Done);
}

/// <summary>The business's Google Calendar, through its stored connection.</summary>
public interface IGoogleCalendar
{
    /// <summary>Busy times of the business calendar and the given professional calendars; null when the
    /// business is not connected or Google did not answer in time (callers then go on without them).</summary>
    Task<BusyTimes?> GetBusyAsync(string businessId, IReadOnlyList<string> professionalCalendarIds,
        DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken ct);

    /// <summary>Creates the event with its id, or updates it when it exists (409 on insert). Invites are sent.</summary>
    Task<CalendarCallResult> UpsertEventAsync(string businessId, CalendarEvent calendarEvent, CancellationToken ct);

    /// <summary>Cancels the event (attendees are told); an event already gone counts as done.</summary>
    Task<CalendarCallResult> CancelEventAsync(string businessId, string eventId, CancellationToken ct);
}
