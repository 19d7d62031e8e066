using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Turnos.Functions.Observability;

/// <summary>
/// Aggregates the app's own meter (only this app's instance of it: a process may hold several apps) into what
/// <c>/metrics</c> shows. No Prometheus exporter package restores here, and a <see cref="MeterListener"/> over a
/// handful of low-rate instruments is all that needs. Counters and up-down counters keep a sum per tag set,
/// histograms cumulative-ready bucket counts, a sum and a count.
/// </summary>
public sealed class PrometheusCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Aggregate> _aggregates = new();

    public PrometheusCollector(TurnosMetrics metrics)
    {
        var meter = metrics.Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter, meter) || Aggregate.For(instrument) is not { } aggregate) return;
            _aggregates[instrument] = aggregate;
            listener.EnableMeasurementEvents(instrument, aggregate);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Aggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((Aggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Aggregate)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Everything recorded so far, ordered by instrument name.</summary>
    public IReadOnlyList<Aggregate> Snapshot() => [.. _aggregates.Values.OrderBy(a => a.Instrument.Name, StringComparer.Ordinal)];

    public void Dispose() => _listener.Dispose();

    public enum Kind { Counter, Gauge, Histogram }

    /// <summary>One series: a tag set and what was recorded with it.</summary>
    public sealed class Series(IReadOnlyList<KeyValuePair<string, string>> labels, int buckets)
    {
        private readonly Lock _lock = new();
        private readonly long[] _buckets = new long[buckets];
        private double _sum;
        private long _count;

        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

        /// <summary>A consistent copy: the sum, the count and, for histograms, the count per bucket (not
        /// cumulative; the last bucket is +Inf).</summary>
        public (double Sum, long Count, long[] Buckets) Read()
        {
            lock (_lock) return (_sum, _count, [.. _buckets]);
        }

        internal void Add(double value, int bucket)
        {
            lock (_lock)
            {
                _sum += value;
                _count++;
                if (bucket >= 0) _buckets[bucket]++;
            }
        }
    }

    public sealed class Aggregate
    {
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

        private Aggregate(Instrument instrument, Kind kind, IReadOnlyList<double> bounds)
        {
            (Instrument, Kind, Bounds) = (instrument, kind, bounds);
        }

        public Instrument Instrument { get; }
        public Kind Kind { get; }
        /// <summary>Histogram bucket upper bounds (inclusive), without +Inf.</summary>
        public IReadOnlyList<double> Bounds { get; }

        internal static Aggregate? For(Instrument instrument) => instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> => new(instrument, Kind.Counter, []),
            UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double> => new(instrument, Kind.Gauge, []),
            Histogram<double> h => new(instrument, Kind.Histogram, h.Advice?.HistogramBucketBoundaries ?? TurnosMetrics.LatencyBucketsMs),
            Histogram<long> h => new(instrument, Kind.Histogram, h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList() ?? TurnosMetrics.LatencyBucketsMs),
            _ => null, // observable instruments and gauges: none in this app
        };

        public IReadOnlyList<Series> Series => [.. _series.Values.OrderBy(s => string.Join(',', s.Labels.Select(l => l.Value)), StringComparer.Ordinal)];

        internal void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = new List<KeyValuePair<string, string>>(tags.Length);
            foreach (var tag in tags) labels.Add(new(tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
            labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            var key = string.Join('\u001f', labels.Select(l => l.Key + "=" + l.Value));
            var series = _series.GetOrAdd(key, _ => new Series(labels, Kind == Kind.Histogram ? Bounds.Count + 1 : 0));
            var bucket = Kind == Kind.Histogram ? BucketOf(value) : -1;
            series.Add(value, bucket);
        }

        private int BucketOf(double value)
        {
            for (var i = 0; i < Bounds.Count; i++)
                if (value <= Bounds[i]) return i;
            return Bounds.Count;
        }
    }
}
