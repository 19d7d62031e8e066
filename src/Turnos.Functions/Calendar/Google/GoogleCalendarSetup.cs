using Microsoft.Extensions.Options;
using Turnos.Functions.Calendar;
using Turnos.Functions.Calendar.GoogleApi;

// The root namespace, so the host's setup (Turnos.Functions.Hosting) sees these extensions without a using.
namespace Turnos.Functions;

public static class GoogleCalendarSetup
{
    /// <summary>The Google side of the calendar: options (section <c>Google</c>), the OAuth flow over the token vault,
    /// the <c>calendar</c> table, and <see cref="IGoogleCalendar"/> — a no-op when no OAuth client is configured.</summary>
    public static IServiceCollection AddGoogleCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GoogleOptions>().BindConfiguration(GoogleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GoogleOptions>, GoogleOptionsValidator>();
        services.AddDataProtection();
        services.AddHttpClient(GoogleCalendarClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan); // each call has its own budget
        services.AddSingleton<CalendarTable>();
        services.AddHostedService<CalendarTableInitializer>();
        services.AddSingleton<CalendarConnections>();
        services.AddSingleton<ConnectStates>();
        services.AddSingleton<GoogleOAuth>();
        services.AddSingleton<GoogleAccess>();
        services.AddSingleton<CalendarConnector>();
        services.AddSingleton<GoogleCalendarClient>();
        services.AddSingleton<NotConfiguredGoogleCalendar>();
        services.AddSingleton<IGoogleCalendar>(sp => sp.GetRequiredService<IOptions<GoogleOptions>>().Value.Enabled
            ? sp.GetRequiredService<GoogleCalendarClient>()
            : sp.GetRequiredService<NotConfiguredGoogleCalendar>());
        return services;
    }

}
