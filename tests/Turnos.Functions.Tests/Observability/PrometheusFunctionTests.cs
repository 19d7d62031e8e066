using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Turnos.Functions.Admin;
using Turnos.Functions.Observability;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Observability;

/// <summary>The <c>Metrics</c> function (<c>GET /api/metrics</c>), called directly: Prometheus text for platform keys
/// only; and the collector counting from the host's start on any host, with no endpoint mapped.</summary>
[Collection("Azurite")]
public sealed class PrometheusFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Metrics_OnlyPlatformKeys()
    {
        await using var app = await ObservedApp.StartAsync(azurite);
        var (_, owner) = await app.Get<ApiKeyStore>().CreateAsync(ApiRole.Owner, Demo.Id, "owner", null, default);
        await app.SayAsync("hola");

        var anonymous = await ScrapeAsync(app, null);
        var forbidden = await ScrapeAsync(app, owner);
        var scraped = await ScrapeAsync(app, TurnosFactory.AdminKey);

        Assert.Equal((401, 403, 200), (anonymous.Status, forbidden.Status, scraped.Status));
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", scraped.ContentType);
        Assert.Equal(1, PrometheusEndpointTests.Parse(scraped.Body)[("turnos_whatsapp_turns_total", "outcome=handed_over")]);
    }

    [Fact]
    public async Task Collector_IsCreatedWhenAnyHostStarts_NotAtTheFirstScrape()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.AddTurnosObservability();
        // The readiness checks need tables this host does not have; nothing here resolves them.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false }));
        using var host = builder.Build();
        await host.StartAsync();

        // Measured before anything asked for the collector: only one created at start has seen it.
        host.Services.GetRequiredService<TurnosMetrics>().Answered(TurnOutcome.HandedOver, TimeSpan.FromMilliseconds(3));
        var text = PrometheusText.Write(host.Services.GetRequiredService<PrometheusCollector>().Snapshot());
        await host.StopAsync();

        Assert.Equal(1, PrometheusEndpointTests.Parse(text)[("turnos_whatsapp_turns_total", "outcome=handed_over")]);
    }

    private static async Task<FunctionAnswer> ScrapeAsync(ObservedApp app, string? key)
    {
        using var call = new FunctionCall(app.Factory.Services, "GET", "/api/metrics", key);
        return await call.AnswerAsync(call.Function<MetricsFunction>().Scrape(call.Request));
    }
}
