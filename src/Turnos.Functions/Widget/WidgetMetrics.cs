using System.Diagnostics.Metrics;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Widget;

/// <summary><c>turnos.widget.messages</c>: widget messages by business and outcome (answered, timed_out, limited,
/// origin_refused, failed). Only known businesses are tags, so the set stays bounded.</summary>
public sealed class WidgetMetrics(TurnosMetrics metrics)
{
    public const string Answered = "answered", TimedOut = "timed_out", Limited = "limited", OriginRefused = "origin_refused", Failed = "failed";

    private readonly Counter<long> _messages = metrics.Meter.CreateCounter<long>("turnos.widget.messages", "{message}",
        "Web chat widget messages by business and outcome (answered, timed_out, limited, origin_refused, failed).");

    public void Message(string businessId, string outcome) =>
        _messages.Add(1, new KeyValuePair<string, object?>("business", businessId), new KeyValuePair<string, object?>("outcome", outcome));
}
