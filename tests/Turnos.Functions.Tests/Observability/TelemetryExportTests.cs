using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Observability;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set the app exports metrics, traces and logs over OTLP, with
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> to Azure Monitor's ingestion endpoint; without a collector listening it
/// still starts and answers.</summary>
[Collection("Azurite")]
public sealed class TelemetryExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EndpointWithNothingListening_AppStartsAndAnswers()
    {
        using var closed = new TcpRelay(azurite.Port);
        closed.Close();
        using var sdkErrors = new OpenTelemetryErrors();
        await using var app = await ObservedApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{closed.Port}",
        });

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);
        Assert.NotNull(app.Factory.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Factory.Services.GetService<TracerProvider>());
        Assert.Empty(sdkErrors.Messages);
        Assert.Contains("Soy Luna", await app.SayAsync("hola"));
    }

    [Fact]
    public async Task NoEndpoint_NoOpenTelemetry()
    {
        await using var app = await ObservedApp.StartAsync(azurite);

        Assert.Null(app.Factory.Services.GetService<MeterProvider>());
        Assert.Null(app.Factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Collector_ReceivesMetricsTracesAndLogs()
    {
        await using var collector = await FakeCollector.StartAsync();
        var app = await ObservedApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        await using (app)
        {
            Assert.Contains("Soy Luna", await app.SayAsync("hola"));
            await app.Keyed(TurnosFactory.AdminKey).GetAsync("/api/health");
        }

        // Stopping the app disposes its providers, which export what is left; the app's own thread does that
        // after the factory's disposal returns, so wait for it.
        string[] signals = ["/v1/metrics", "/v1/traces", "/v1/logs"];
        for (var waited = 0; waited < 100 && !signals.All(collector.Paths.Contains); waited++) await Task.Delay(100);
        Assert.Contains("/v1/metrics", collector.Paths);
        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/logs", collector.Paths);
        Assert.All(collector.ContentTypes, t => Assert.Equal("application/x-protobuf", t));
    }

    [Fact]
    public async Task AzureMonitorConnectionString_TelemetryReachesTheIngestionEndpoint()
    {
        await using var ingestion = await FakeCollector.StartAsync();
        await using var otlp = await FakeCollector.StartAsync();
        // Nothing may reach Azure: live metrics off, and the exporter's own usage reports (statsbeat) off.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        var app = await ObservedApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={ingestion.Endpoint}/;LiveEndpoint={ingestion.Endpoint}/",
            ["AzureMonitor:EnableLiveMetrics"] = "false",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        await using (app)
        {
            Assert.Contains("Soy Luna", await app.SayAsync("hola"));
        }

        for (var waited = 0; waited < 200 && (!ingestion.Paths.Contains("/v2.1/track") || !otlp.Paths.Contains("/v1/traces")); waited++) await Task.Delay(100);
        Assert.Contains("/v2.1/track", ingestion.Paths);
        Assert.Contains("/v1/traces", otlp.Paths);
    }

    /// <summary>Errors the OpenTelemetry SDK and exporter report about themselves (they never throw into the app).</summary>
    private sealed class OpenTelemetryErrors : EventListener
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name.StartsWith("OpenTelemetry", StringComparison.Ordinal)) EnableEvents(source, EventLevel.Error);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.Level is > EventLevel.LogAlways and <= EventLevel.Error)
                Messages.Enqueue($"{e.EventSource.Name}: {e.Message} {string.Join(", ", e.Payload ?? [])}");
        }
    }

    /// <summary>Accepts OTLP/HTTP exports (and Azure Monitor's track calls) and remembers where they went.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeCollector(WebApplication app) => _app = app;

        public ConcurrentBag<string> Paths { get; } = [];

        public ConcurrentBag<string?> ContentTypes { get; } = [];

        public string Endpoint { get; private set; } = "";

        public static async Task<FakeCollector> StartAsync()
        {
            FakeCollector? collector = null;
            var (app, address) = await LoopbackServer.StartAsync(app => app.Run(async context =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                collector!.Paths.Add(context.Request.Path.Value!);
                collector.ContentTypes.Add(context.Request.ContentType);
                context.Response.ContentType = "application/x-protobuf";
            }));
            collector = new FakeCollector(app) { Endpoint = address };
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
