using Microsoft.Extensions.DependencyInjection.Extensions;
using Turnos.Functions.Admin;

namespace Turnos.Functions.Observability;

public static class ObservabilitySetup
{
    /// <summary><see cref="TurnosMetrics"/> and the meter factory it needs; safe to call more than once.</summary>
    public static IServiceCollection AddTurnosMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<TurnosMetrics>();
        return services;
    }

    /// <summary>Metrics (and their <c>/metrics</c> view), readiness checks, JSON console logs outside Development,
    /// and OpenTelemetry export over OTLP and/or to Azure Monitor when configured.</summary>
    public static IHostApplicationBuilder AddTurnosObservability(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTurnosMetrics();
        services.TryAddSingleton<PrometheusCollector>();
        services.AddHostedService<PrometheusCollectorStart>();
        services.AddSingleton<IReadinessCheck, StorageReadiness>();
        services.AddSingleton<IReadinessCheck, KeyVaultReadiness>();
        services.AddSingleton<Readiness>();

        // One JSON object per line with the scopes as properties is what log stores can query; locally the
        // plain console is easier to read. An explicit Logging:Console:FormatterName wins.
        if (!builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });

        if (TelemetryExport.IsEnabled(builder.Configuration)) TelemetryExport.AddTo(services, builder.Configuration);
        return builder;
    }

    /// <summary>Everything counted so far, as Prometheus text.</summary>
    internal static IResult Scrape(PrometheusCollector collector) =>
        Results.Text(PrometheusText.Write(collector.Snapshot()), PrometheusText.ContentType);
}
