using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Turnos.Functions.Observability;

/// <summary>
/// OpenTelemetry (metrics, traces, logs), on only when an exporter is configured: OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (every other <c>OTEL_*</c> setting is read by the SDK itself), Azure
/// Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is (the Functions host's own setting), or both. Our
/// meter, plus ASP.NET Core and HttpClient instrumentation; request URLs are masked before any export.
/// </summary>
public static class TelemetryExport
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";
    public const string LiveMetricsSetting = "AzureMonitor:EnableLiveMetrics";
    public const string DefaultServiceName = "turnos";

    public static bool IsEnabled(IConfiguration configuration) => ToOtlp(configuration) || ToAzureMonitor(configuration);

    private static bool ToOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);

    private static bool ToAzureMonitor(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]);

    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        var serviceName = configuration[ServiceNameSetting];
        var telemetry = services.AddOpenTelemetry()
            // The worker's invocation spans and function resource attributes; the host (telemetryMode OpenTelemetry in
            // host.json) then leaves requests to the worker instead of reporting them twice.
            .UseFunctionsWorkerDefaults()
            .ConfigureResource(r =>
            {
                // The SDK reads OTEL_SERVICE_NAME itself; name the service only when that is not set.
                if (string.IsNullOrWhiteSpace(serviceName)) r.AddService(DefaultServiceName);
            })
            .WithMetrics(m => m.AddMeter(TurnosMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddProcessor(new UrlRedaction()))
            .WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeScopes = true; // BusinessId, ConversationId, MessageSid as attributes
                o.IncludeFormattedMessage = true;
            });
        if (ToOtlp(configuration)) telemetry.UseOtlpExporter();
        if (ToAzureMonitor(configuration))
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = configuration[AzureMonitorSetting];
                // Its rate-limited sampler would govern every exporter (OTLP too); keep every trace, as OTLP alone does.
                o.TracesPerSecond = null;
                o.SamplingRatio = 1.0F;
                o.EnableLiveMetrics = configuration.GetValue(LiveMetricsSetting, true);
            });
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
