using Microsoft.Azure.Functions.Worker;

namespace Turnos.LocalHost.Tests.Samples;

/// <summary>Records the timer invocations it sees.</summary>
public sealed class TimerProbe
{
    readonly List<TimerInfo> seen = [];

    public void Record(TimerInfo info)
    {
        lock (seen) seen.Add(info);
    }

    public IReadOnlyList<TimerInfo> Seen
    {
        get { lock (seen) return [.. seen]; }
    }
}

public sealed class TickFunction(TimerProbe probe)
{
    /// <summary>The schedule comes from configuration, as "%Setting%" schedules do under the Functions host.</summary>
    [Function("Tick")]
    public void Run([TimerTrigger("%Tick:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) => probe.Record(timer);
}
