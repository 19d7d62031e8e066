namespace Turnos.Functions.Calendar;

public static class CalendarSyncSetup
{
    /// <summary>The calendar outbox, its sweeper and Google busy times, on top of the
    /// <see cref="IGoogleCalendar"/> that <c>AddGoogleCalendar</c> registers.</summary>
    public static IServiceCollection AddCalendarSync(this IServiceCollection services)
    {
        services.AddOptions<CalendarSyncOptions>().BindConfiguration(CalendarSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CalendarOutbox>();
        services.AddSingleton<CalendarSync>();
        services.AddSingleton<AppointmentSync>();
        services.AddSingleton<GoogleBusyTimes>();
        services.AddSingleton<CalendarSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarSweeper>());
        return services;
    }
}
