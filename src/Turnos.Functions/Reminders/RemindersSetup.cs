namespace Turnos.Functions.Reminders;

public static class RemindersSetup
{
    /// <summary>Reminders before appointments, on durable timers (see <see cref="ReminderOrchestrator"/>).</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services) =>
        services.AddSingleton<ReminderStarter>().AddSingleton<ReminderReconciliation>();
}
