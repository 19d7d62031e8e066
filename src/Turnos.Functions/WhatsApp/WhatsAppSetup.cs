using Microsoft.Extensions.Options;
using Turnos.Functions.WhatsApp;
using Turnos.Functions.WhatsApp.Outbound;
using Turnos.Functions.WhatsApp.Simulator;

// The root namespace, so the host's setup (Turnos.Functions.Hosting) sees these extensions without a using.
namespace Turnos.Functions;

public static class WhatsAppSetup
{
    /// <summary>Twilio's webhook (signature, routing, idempotency) and, locally, the simulator's HTTP client.</summary>
    public static IServiceCollection AddWhatsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        services.AddSingleton<TwilioOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<TwilioOptions>>(sp => sp.GetRequiredService<TwilioOptionsSetup>());
        services.AddSingleton<IValidateOptions<TwilioOptions>>(sp => sp.GetRequiredService<TwilioOptionsSetup>());
        services.AddSingleton<WhatsAppTables>();
        services.AddHostedService<WhatsAppTablesInitializer>();
        services.AddSingleton<MessageLog>();
        services.AddSingleton<BusinessRouter>();
        services.AddSingleton<WhatsAppWebhook>();
        services.AddHttpClient(WebhookSimulator.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<WebhookSimulator>();
        // Redirects are followed by hand (once, without the credentials), and the factory's own request lines are left
        // out: they would carry the media's URLs.
        services.AddHttpClient(TwilioMedia.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddSingleton<TwilioMedia>();
        services.AddWhatsAppOutbound();
        return services;
    }

    /// <summary>Replies through Twilio's REST API when <c>Twilio:AccountSid</c> is set, else into the in-memory sink;
    /// either way each (MessageSid, part) at most once.</summary>
    private static IServiceCollection AddWhatsAppOutbound(this IServiceCollection services)
    {
        services.AddHttpClient(TwilioMessagesSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .AddHttpMessageHandler(sp => new TwilioBaseAddressHandler(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl));
        services.AddSingleton<LocalReplySink>();
        services.AddSingleton<TwilioMessagesSender>();
        services.AddSingleton<IReplySender>(sp => string.IsNullOrEmpty(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.AccountSid)
            ? sp.GetRequiredService<LocalReplySink>()
            : sp.GetRequiredService<TwilioMessagesSender>());
        services.AddSingleton<ReplyDelivery>();
        return services;
    }

}
