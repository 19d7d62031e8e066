using Turnos.Functions.Sweeping;

// The root namespace, so the host's setup (Turnos.Functions.Hosting) sees these extensions without a using.
namespace Turnos.Functions;

public static class SweeperSetup
{
    /// <summary>Set by the Functions host for a custom handler: the app then runs under the host.</summary>
    public const string FunctionsPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool UnderFunctionsHost(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[FunctionsPortSetting]);

    /// <summary>The sweeper, its jobs (run in this order) and its lease; and locally the loop that runs it. Needs
    /// <c>AddCalendarSync</c>, <c>AddGoogleCalendar</c> and <c>AddWhatsApp</c> for the jobs' stores.</summary>
    public static IServiceCollection AddSweeper(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ISweepJob, CalendarOutboxJob>();
        services.AddSingleton<ISweepJob, ConnectLinksJob>();
        services.AddSingleton<ISweepJob, MessageRetention>();
        services.AddSingleton<ISweepJob, ConversationRetention>();
        services.AddSingleton<SweepLease>();
        services.AddHostedService<SweepLeaseInitializer>();
        services.AddSingleton<Sweeper>();
        // Under the Functions host the Sweeper timer function calls POST /Sweeper instead.
        if (!UnderFunctionsHost(configuration)) services.AddHostedService<SweeperService>();
        return services;
    }

    public static WebApplication MapSweeper(this WebApplication app)
    {
        SweeperEndpoint.Map(app);
        return app;
    }
}
