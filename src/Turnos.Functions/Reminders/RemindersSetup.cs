namespace Turnos.Functions.Reminders;

public static class RemindersSetup
{
    /// <summary>Reminders before appointments, on durable timers (see <see cref="ReminderOrchestrator"/>).</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<ReminderStarter>().AddSingleton<ReminderLog>().AddSingleton<ReminderReconciliation>();
    }
}
