namespace Turnos.Functions.Calendar;

public static class CalendarSyncSetup
{
    /// <summary>The calendar outbox, its sweeper and Google busy times, on top of the
    /// <see cref="IGoogleCalendar"/> that <c>AddGoogleCalendar</c> registers. The sweeper runs as a job of
    /// <c>AddSweeper</c>.</summary>
    public static IServiceCollection AddCalendarSync(this IServiceCollection services)
    {
        services.AddSingleton<CalendarOutbox>();
        services.AddSingleton<CalendarSync>();
        services.AddSingleton<AppointmentSync>();
        services.AddSingleton<GoogleBusyTimes>();
        services.AddSingleton<CalendarSweeper>();
        return services;
    }
}
