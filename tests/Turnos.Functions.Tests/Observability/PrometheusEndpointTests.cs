using System.Net;
using System.Text.RegularExpressions;
using Turnos.Functions.Admin;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Observability;

/// <summary><c>GET /api/metrics</c>: Prometheus text, for platform keys only (the local host sends <c>/metrics</c> there).</summary>
[Collection("Azurite")]
public sealed partial class PrometheusEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Metrics_OnlyPlatformKeys()
    {
        const string path = "/api/metrics";
        await using var app = await ObservedApp.StartAsync(azurite);
        var (_, owner) = await app.Get<ApiKeyStore>().CreateAsync(ApiRole.Owner, Demo.Id, "owner", null, default);
        var (_, platform) = await app.Get<ApiKeyStore>().CreateAsync(ApiRole.Platform, null, "ops", null, default);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Keyed("tn_nope_nope").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Keyed(owner).GetAsync(path)).StatusCode);
        var stored = await app.Keyed(platform).GetAsync(path);
        var configured = await app.Keyed(TurnosFactory.AdminKey).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", configured.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Metrics_AfterATurn_AreWellFormedPrometheusText()
    {
        await using var app = await ObservedApp.StartAsync(azurite);
        await app.SayAsync("hola");
        await app.SayAsync("quiero un corte el martes a las 10");

        var text = await (await app.Keyed(TurnosFactory.AdminKey).GetAsync("/api/metrics")).Content.ReadAsStringAsync();
        var samples = Parse(text);

        Assert.Equal(2, samples[("turnos_whatsapp_turns_total", "outcome=handed_over")]);
        Assert.Equal(2, samples[("turnos_whatsapp_messages_received_total", "business=demo")]);
        Assert.Equal(2, samples[("turnos_whatsapp_webhook_duration_milliseconds_count", "outcome=handed_over")]);
        Assert.Equal(2, samples[("turnos_whatsapp_webhook_duration_milliseconds_bucket", "le=+Inf,outcome=handed_over")]);
        Assert.True(samples[("turnos_whatsapp_webhook_duration_milliseconds_sum", "outcome=handed_over")] > 0);
        Assert.True(samples[("turnos_understanding_calls_total", "source=rules")] >= 2);
        Assert.Contains("# TYPE turnos_bookings_succeeded_total counter\n", text);
        Assert.Contains("# HELP turnos_whatsapp_turns_total WhatsApp webhook answers by outcome.\n", text);
        Assert.DoesNotContain("+549", text);
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.+)$""")]
    private static partial Regex CommentLine();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)"(?:,|$)""")]
    private static partial Regex Label();

    /// <summary>Checks the exposition format line by line (a TYPE before a family's samples, one of the four kinds,
    /// histograms with cumulative buckets ending in +Inf equal to the count) and returns the samples keyed by name and
    /// sorted labels.</summary>
    internal static Dictionary<(string Name, string Labels), double> Parse(string text)
    {
        Assert.EndsWith("\n", text);
        var types = new Dictionary<string, string>();
        var samples = new Dictionary<(string, string), double>();
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                var comment = CommentLine().Match(line);
                Assert.True(comment.Success, $"bad comment line: {line}");
                if (comment.Groups["kind"].Value == "TYPE")
                {
                    Assert.Contains(comment.Groups["rest"].Value, new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                    Assert.True(types.TryAdd(comment.Groups["name"].Value, comment.Groups["rest"].Value), $"second TYPE: {line}");
                }
                continue;
            }
            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"bad sample line: {line}");
            var name = sample.Groups["name"].Value;
            var family = types.Keys.FirstOrDefault(t => name == t || (types[t] == "histogram" && name is var n && (n == t + "_bucket" || n == t + "_sum" || n == t + "_count")));
            Assert.True(family is not null, $"sample without a TYPE before it: {line}");
            var rawLabels = sample.Groups["labels"].Value;
            var labels = Label().Matches(rawLabels).Select(l => $"{l.Groups["key"].Value}={Regex.Unescape(l.Groups["value"].Value)}").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(rawLabels.Length, Label().Matches(rawLabels).Sum(l => l.Length));
            var value = sample.Groups["value"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(sample.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(samples.TryAdd((name, string.Join(',', labels)), value), $"repeated sample: {line}");
        }
        foreach (var (family, _) in types.Where(t => t.Value == "histogram"))
            foreach (var count in samples.Where(s => s.Key.Item1 == family + "_count"))
            {
                var buckets = samples.Where(s => s.Key.Item1 == family + "_bucket" && Without(s.Key.Item2, "le") == count.Key.Item2).Select(s => s.Value).ToList();
                Assert.Equal(buckets.Order(), buckets);
                Assert.Equal(count.Value, samples[(family + "_bucket", string.Join(',', new[] { "le=+Inf" }.Concat(count.Key.Item2.Length > 0 ? count.Key.Item2.Split(',') : []).Order(StringComparer.Ordinal)))]);
            }
        return samples;
    }

    private static string Without(string labels, string key) =>
        string.Join(',', labels.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(key + "=", StringComparison.Ordinal)));
}
