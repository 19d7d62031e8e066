using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Core.Booking;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Tests.Observability;

/// <summary>The exposition text itself: names, units, escaping, histogram buckets.</summary>
public sealed class PrometheusTextTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddTurnosMetrics().AddSingleton<PrometheusCollector>().BuildServiceProvider();

    private TurnosMetrics Metrics => _services.GetRequiredService<TurnosMetrics>();

    private string Scrape() => PrometheusText.Write(_services.GetRequiredService<PrometheusCollector>().Snapshot());

    public void Dispose() => _services.Dispose();

    [Fact]
    public void LabelValues_AreEscaped()
    {
        _ = _services.GetRequiredService<PrometheusCollector>();
        Metrics.MessageReceived("a\"b\\c\nd");

        var text = Scrape();

        Assert.Contains("turnos_whatsapp_messages_received_total{business=\"a\\\"b\\\\c\\nd\"} 1\n", text);
        Assert.Equal(1, PrometheusEndpointTests.Parse(text)[("turnos_whatsapp_messages_received_total", "business=a\"b\\c\nd")]);
    }

    [Fact]
    public void Histogram_HasCumulativeBucketsSumAndCount()
    {
        _ = _services.GetRequiredService<PrometheusCollector>();
        Metrics.Answered(TurnOutcome.HandedOver, TimeSpan.FromMilliseconds(5));
        Metrics.Answered(TurnOutcome.HandedOver, TimeSpan.FromMilliseconds(70));
        Metrics.Answered(TurnOutcome.HandedOver, TimeSpan.FromSeconds(20));

        var text = Scrape();

        const string name = "turnos_whatsapp_webhook_duration_milliseconds";
        Assert.Contains($"# TYPE {name} histogram\n", text);
        Assert.Contains($"{name}_bucket{{outcome=\"handed_over\",le=\"5\"}} 1\n", text); // le is inclusive
        Assert.Contains($"{name}_bucket{{outcome=\"handed_over\",le=\"50\"}} 1\n", text);
        Assert.Contains($"{name}_bucket{{outcome=\"handed_over\",le=\"100\"}} 2\n", text);
        Assert.Contains($"{name}_bucket{{outcome=\"handed_over\",le=\"15000\"}} 2\n", text);
        Assert.Contains($"{name}_bucket{{outcome=\"handed_over\",le=\"+Inf\"}} 3\n", text);
        Assert.Contains($"{name}_sum{{outcome=\"handed_over\"}} 20075\n", text);
        Assert.Contains($"{name}_count{{outcome=\"handed_over\"}} 3\n", text);
        Assert.Contains("turnos_whatsapp_turns_total{outcome=\"handed_over\"} 3\n", text);
    }

    [Fact]
    public void Counters_WithSeveralTags_AreOneSeriesPerTagSet()
    {
        _ = _services.GetRequiredService<PrometheusCollector>();
        Metrics.Booking(AppointmentSource.WhatsApp, new BookingResult.Refused(BookingRefusal.SlotUnavailable));
        Metrics.Booking(AppointmentSource.WhatsApp, new BookingResult.Refused(BookingRefusal.SlotUnavailable));
        Metrics.Booking(AppointmentSource.Admin, new BookingResult.Refused(BookingRefusal.InvalidStart));

        var text = Scrape();

        Assert.Contains("turnos_bookings_failed_total{reason=\"slot_unavailable\",source=\"whatsapp\"} 2\n", text);
        Assert.Contains("turnos_bookings_failed_total{reason=\"invalid_start\",source=\"admin\"} 1\n", text);
        Assert.Contains("# TYPE turnos_bookings_succeeded_total counter\n", text); // declared, no samples yet
    }

    [Fact]
    public void AnotherMetersInstruments_AreNotShown()
    {
        _ = _services.GetRequiredService<PrometheusCollector>();
        using var other = new ServiceCollection().AddTurnosMetrics().BuildServiceProvider();
        other.GetRequiredService<TurnosMetrics>().MessageReceived("elsewhere");
        using var stranger = new Meter(TurnosMetrics.MeterName);
        stranger.CreateCounter<long>("turnos.stranger").Add(1);

        var text = Scrape();

        Assert.DoesNotContain("elsewhere", text);
        Assert.DoesNotContain("stranger", text);
    }

    [Theory]
    [InlineData("turnos.whatsapp.turns", "{turn}", "turnos_whatsapp_turns_total")]
    [InlineData("a-b.c", "ms", "a_b_c_milliseconds_total")]
    [InlineData("x.total", null, "x_total")]
    public void Names_FollowOpenTelemetrysPrometheusConventions(string instrument, string? unit, string expected)
    {
        using var meter = new Meter("Names");
        var counter = meter.CreateCounter<long>(instrument, unit);

        Assert.Equal(expected, PrometheusText.MetricName(PrometheusCollector.Aggregate.For(counter)!));
    }
}
