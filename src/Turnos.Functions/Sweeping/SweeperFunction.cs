using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Turnos.Functions.Sweeping;

/// <summary>The periodic upkeep (<see cref="Sweeper"/>) every minute, on both hosts. The durable client is a parameter
/// because the isolated worker gives it to functions only; the jobs that work on orchestration instances need it.</summary>
public sealed partial class SweeperFunction(Sweeper sweeper, ILogger<SweeperFunction> logger)
{
    /// <summary>A failed job fails the invocation, so it shows as a failed execution in Application Insights.</summary>
    [Function("Sweeper")]
    public async Task Run([TimerTrigger("0 */1 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        var report = await sweeper.RunAsync(client, ct);
        foreach (var line in report.Lines()) LogSweepLine(line);
        if (report.Failed) throw new SweepFailedException(string.Join("; ", report.Jobs.Where(j => j.Error is not null).Select(j => j.Job)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Line}")]
    private partial void LogSweepLine(string line);
}

/// <summary>A sweep in which at least one job failed (the jobs are named; each logged its own error).</summary>
public sealed class SweepFailedException(string jobs) : Exception($"Sweep jobs failed: {jobs}");
