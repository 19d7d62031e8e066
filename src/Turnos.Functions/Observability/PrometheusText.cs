using System.Globalization;
using System.Text;
using static Turnos.Functions.Observability.PrometheusCollector;

namespace Turnos.Functions.Observability;

/// <summary>
/// Prometheus text exposition format 0.0.4, named as OpenTelemetry's Prometheus exporter names things: dots become
/// underscores, the unit is a suffix (<c>ms</c> → <c>_milliseconds</c>), counters end in <c>_total</c>, and a
/// histogram is <c>_bucket{le=…}</c> (cumulative, ending with <c>+Inf</c>), <c>_sum</c> and <c>_count</c>.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<Aggregate> aggregates)
    {
        var text = new StringBuilder();
        foreach (var aggregate in aggregates) Write(text, aggregate);
        return text.ToString();
    }

    public static string MetricName(Aggregate aggregate)
    {
        var name = Sanitize(aggregate.Instrument.Name);
        var unit = aggregate.Instrument.Unit switch
        {
            "ms" => "milliseconds",
            "s" => "seconds",
            "By" => "bytes",
            "1" or null or "" => "",
            var u when u.StartsWith('{') => "", // an annotation such as {message} names no unit
            var u => Sanitize(u),
        };
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal)) name += "_" + unit;
        return aggregate.Kind == Kind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    private static void Write(StringBuilder text, Aggregate aggregate)
    {
        var name = MetricName(aggregate);
        if (aggregate.Instrument.Description is { Length: > 0 } help) text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(aggregate.Kind.ToString().ToLowerInvariant()).Append('\n');
        foreach (var series in aggregate.Series)
        {
            var (sum, count, buckets) = series.Read();
            if (aggregate.Kind != Kind.Histogram)
            {
                Sample(text, name, series.Labels, null, sum);
                continue;
            }
            long cumulative = 0;
            for (var i = 0; i < buckets.Length; i++)
            {
                cumulative += buckets[i];
                var le = i < aggregate.Bounds.Count ? Number(aggregate.Bounds[i]) : "+Inf";
                Sample(text, name + "_bucket", series.Labels, le, cumulative);
            }
            Sample(text, name + "_sum", series.Labels, null, sum);
            Sample(text, name + "_count", series.Labels, null, count);
        }
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, label) in labels)
            {
                if (!first) text.Append(',');
                text.Append(Sanitize(key)).Append("=\"").Append(EscapeLabel(label)).Append('"');
                first = false;
            }
            if (le is not null) text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Metric and label names: [a-zA-Z_][a-zA-Z0-9_]*, anything else becomes an underscore.</summary>
    public static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (!(char.IsAsciiLetter(chars[i]) || chars[i] == '_' || (i > 0 && char.IsAsciiDigit(chars[i])))) chars[i] = '_';
        return new string(chars);
    }

    public static string EscapeLabel(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    public static string EscapeHelp(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
}
