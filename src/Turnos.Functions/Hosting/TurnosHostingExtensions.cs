using Turnos.Functions.Reminders;
using Turnos.Functions.Admin;
using Turnos.Functions.Admin.Api;
using Turnos.Functions.Admin.WebConsole;
using Turnos.Functions.Availability;
using Turnos.Functions.Availability.Api;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Chat;
using Turnos.Functions.Calendar;
using Turnos.Functions.Calendar.Vault;
using Turnos.Functions.Conversations;
using Turnos.Functions.Health;
using Turnos.Functions.Notices;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Hosting;

public static class TurnosHostingExtensions
{
    /// <summary>Every Turnos service, on any host builder (the web app today, the Functions worker and the local host
    /// alike).</summary>
    public static IHostApplicationBuilder AddTurnos(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TurnosOptions>().BindConfiguration(TurnosOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TurnosTables>();
        TableXmlRepository.AddTo(services);
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<SeedLoader>();
        services.AddSingleton<AppointmentStore>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<CustomerStore>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<AvailabilityService>();
        services.AddAdminAccess();
        services.AddAdminApi();
        services.AddConversations(builder.Configuration);
        services.AddWhatsApp(builder.Configuration);
        services.AddHostedService<StartupInitializer>();
        services.AddTokenVault(builder.Configuration);
        services.AddGoogleCalendar(builder.Configuration);
        builder.AddTurnosObservability();
        services.AddCalendarSync();
        services.AddReminders();
        services.AddNotices();
        services.AddChat();
        services.AddWidget();
        services.AddSweeper(); // after the start-up initializer: the sweeper needs the tables
        return builder;
    }

}
