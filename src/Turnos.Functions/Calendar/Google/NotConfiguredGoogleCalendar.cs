namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>Google Calendar when the app has no OAuth client: no busy times, and no business is connected.</summary>
public sealed class NotConfiguredGoogleCalendar : IGoogleCalendar
{
    private static readonly CalendarCallResult Off = new(CalendarCallOutcome.NotConnected, "Google Calendar is not configured.");

    public Task<BusyTimes?> GetBusyAsync(string businessId, IReadOnlyList<string> professionalCalendarIds,
        DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken ct) => Task.FromResult<BusyTimes?>(null);

    public Task<CalendarCallResult> UpsertEventAsync(string businessId, CalendarEvent calendarEvent, CancellationToken ct) => Task.FromResult(Off);

    public Task<CalendarCallResult> CancelEventAsync(string businessId, string eventId, CancellationToken ct) => Task.FromResult(Off);
}
