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

/// <summary>Counts the calls of the failing timer.</summary>
public sealed class FailureProbe
{
    int calls;

    public int Calls => Volatile.Read(ref calls);

    public void Record() => Interlocked.Increment(ref calls);
}

public sealed class TickFunction(TimerProbe probe)
{
    /// <summary>The schedule comes from configuration, as "%Setting%" schedules do under the Functions host.</summary>
    [Function("Tick")]
    public void Run([TimerTrigger("%Tick:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) => probe.Record(timer);
}

/// <summary>Always fails: its schedule must carry on regardless, starting with a run at startup.</summary>
public static class FailingTimer
{
    [Function("Failing")]
    public static Task Run([TimerTrigger("* * * * * *", RunOnStartup = true, UseMonitor = false)] TimerInfo timer, [DurableClient] Microsoft.DurableTask.Client.DurableTaskClient client)
    {
        Probe?.Record();
        throw new InvalidOperationException($"Failing on purpose (status {(timer.ScheduleStatus is null ? "absent" : "present")}).");
    }

    /// <summary>Set by the test that enables timers; static because this function class has no instance.</summary>
    public static FailureProbe? Probe { get; set; }
}
