namespace Turnos.Functions.Calendar;

public static class CalendarSyncSetup
{
    /// <summary>The calendar outbox, the sync its orchestration runs, the starter and reconciliation, and Google busy
    /// times, on top of the <see cref="IGoogleCalendar"/> that <c>AddGoogleCalendar</c> registers.</summary>
    public static IServiceCollection AddCalendarSync(this IServiceCollection services)
    {
        services.AddOptions<CalendarSyncOptions>().BindConfiguration(CalendarSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CalendarOutbox>();
        services.AddSingleton<CalendarSync>();
        services.AddSingleton<CalendarStarter>();
        services.AddSingleton<CalendarReconciliation>();
        services.AddSingleton<GoogleBusyTimes>();
        return services;
    }
}
