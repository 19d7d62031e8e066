using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Turnos.Functions.Observability;

/// <summary>
/// OpenTelemetry over OTLP, on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; every other <c>OTEL_*</c>
/// setting (protocol, headers, service name, resource attributes) is read by the SDK itself. Only the SDK and the
/// OTLP exporter restore here — not OpenTelemetry.Extensions.Hosting nor the ASP.NET Core/HttpClient
/// instrumentation — so this wires the SDK into the host itself and listens to what .NET already emits:
/// the <c>Microsoft.AspNetCore</c> and <c>System.Net.Http</c> activity sources and meters, plus our own meter.
/// </summary>
public static class OtlpExport
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "turnos";

    public static readonly string[] Meters =
        [TurnosMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    public static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http"];

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointSetting]);

    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        var serviceName = configuration[ServiceNameSetting];
        new Builder(services)
            .ConfigureResource(r =>
            {
                // The SDK reads OTEL_SERVICE_NAME itself; name the service only when that is not set.
                if (string.IsNullOrWhiteSpace(serviceName)) r.AddService(DefaultServiceName);
            })
            .WithMetrics(m => m.AddMeter(Meters))
            .WithTracing(t => t.AddSource(ActivitySources).AddProcessor(new UrlRedaction()))
            .WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeScopes = true; // BusinessId, ConversationId, MessageSid as attributes
                o.IncludeFormattedMessage = true;
            })
            .UseOtlpExporter();
        services.AddHostedService<ProviderStarter>();
    }

    /// <summary>What OpenTelemetry.Extensions.Hosting's builder is: the service collection the providers live in.</summary>
    private sealed class Builder(IServiceCollection services) : IOpenTelemetryBuilder
    {
        public IServiceCollection Services { get; } = services;
    }

    /// <summary>Builds the providers when the host starts (as the hosting package does), so tracing and metrics
    /// listen from the first request rather than from whenever something first asks for them.</summary>
    private sealed class ProviderStarter(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetService<MeterProvider>();
            _ = services.GetService<TracerProvider>();
            _ = services.GetService<LoggerProvider>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// Request spans carry the URL, and a few admin routes hold a phone number (customers by phone) or could hold an
/// address: those are masked before export, as logs never carry them either.
/// </summary>
public sealed partial class UrlRedaction : BaseProcessor<Activity>
{
    public const string Mask = "***";

    [GeneratedRegex(@"(?:\+|%2[Bb])?\d{7,}|[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+")]
    private static partial Regex Personal();

    public static string Redact(string value) => Personal().Replace(value, Mask);

    public override void OnEnd(Activity activity)
    {
        activity.DisplayName = Redact(activity.DisplayName);
        foreach (var (key, value) in activity.TagObjects.ToList())
            if (value is string text && (key.StartsWith("url.", StringComparison.Ordinal) || key is "http.target" or "http.url") && Personal().IsMatch(text))
                activity.SetTag(key, Redact(text));
    }
}
