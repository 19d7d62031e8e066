using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Turnos.Functions.Calendar;

public static class CalendarSyncSetup
{
    /// <summary>The calendar outbox, its sweeper and Google busy times. Registers a "not connected"
    /// calendar only when no Google client was registered before.</summary>
    public static IServiceCollection AddCalendarSync(this IServiceCollection services)
    {
        services.AddOptions<CalendarSyncOptions>().BindConfiguration(CalendarSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IGoogleCalendar, NoCalendar>();
        services.AddSingleton<CalendarOutbox>();
        services.AddSingleton<CalendarSync>();
        services.AddSingleton<AppointmentSync>();
        services.AddSingleton<GoogleBusyTimes>();
        services.AddSingleton<CalendarSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarSweeper>());
        return services;
    }

    private sealed class NoCalendar : IGoogleCalendar
    {
        public Task<BusyTimes?> GetBusyAsync(string businessId, IReadOnlyList<string> professionalCalendarIds,
            DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken ct) => Task.FromResult<BusyTimes?>(null);

        public Task<CalendarCallResult> UpsertEventAsync(string businessId, CalendarEvent calendarEvent, CancellationToken ct) =>
            Task.FromResult(new CalendarCallResult(CalendarCallOutcome.NotConnected));

        public Task<CalendarCallResult> CancelEventAsync(string businessId, string eventId, CancellationToken ct) =>
            Task.FromResult(new CalendarCallResult(CalendarCallOutcome.NotConnected));
    }
}
