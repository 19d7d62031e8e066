using Turnos.Functions.Widget;

// The root namespace, so the host's setup (Turnos.Functions.Hosting) sees this extension without a using.
namespace Turnos.Functions;

public static class WidgetSetup
{
    /// <summary>The web chat widget on the same conversations as WhatsApp and the chat API (needs <c>AddChat</c> for the
    /// replies' hand-back) and its limits' table (the sweeper drops their ended windows).</summary>
    public static IServiceCollection AddWidget(this IServiceCollection services)
    {
        services.AddOptions<WidgetOptions>().BindConfiguration(WidgetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WidgetTables>();
        services.AddHostedService<WidgetTablesInitializer>();
        return services.AddSingleton<WidgetLimits>().AddSingleton<WidgetMetrics>().AddSingleton<WidgetHandler>();
    }
}
