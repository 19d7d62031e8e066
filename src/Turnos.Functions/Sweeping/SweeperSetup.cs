using Turnos.Functions.Sweeping;

// The root namespace, so the host's setup (Turnos.Functions.Hosting) sees these extensions without a using.
namespace Turnos.Functions;

public static class SweeperSetup
{
    /// <summary>The sweeper, its jobs (run in this order, the durable ones last) and its lease; the <c>Sweeper</c> timer
    /// function runs it. Also the history purge, which the <c>HistoryPurge</c> timer function runs. Needs
    /// <c>AddGoogleCalendar</c>, <c>AddWhatsApp</c>, <c>AddConversations</c> and <c>AddWidget</c> for the jobs' stores.</summary>
    public static IServiceCollection AddSweeper(this IServiceCollection services)
    {
        services.AddSingleton<ISweepJob, ConnectLinksJob>();
        services.AddSingleton<ISweepJob, MessageRetention>();
        services.AddSingleton<ISweepJob, ConversationRetention>();
        services.AddSingleton<ISweepJob, WidgetLimitRetention>();
        services.AddSingleton<ISweepJob, ScheduleSweep>();
        services.AddSingleton<IDurableSweepJob, InboxReconciliation>();
        services.AddSingleton<HistoryPurge>();
        services.AddSingleton<SweepLease>();
        services.AddHostedService<SweepLeaseInitializer>();
        services.AddSingleton<Sweeper>();
        return services;
    }
}
