using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Turnos.Functions.Tests.Observability;

/// <summary>Every measurement one app's own meter makes (never another app's: the tests start many at once).</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> Measurements { get; } = new();

    /// <summary>Measurements of <paramref name="name"/> whose tags include all of <paramref name="tags"/> ("key=value").</summary>
    public List<double> Of(string name, params string[] tags) =>
        [.. Measurements.Where(m => m.Name == name && tags.All(t => t.Split('=', 2) is [var k, var v] && m.Tags.GetValueOrDefault(k) == v)).Select(m => m.Value)];

    public double Sum(string name, params string[] tags) => Of(name, tags).Sum();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value?.ToString();
        Measurements.Enqueue((instrument.Name, value, copy));
    }
}
