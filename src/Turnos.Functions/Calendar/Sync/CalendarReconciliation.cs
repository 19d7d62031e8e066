using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Calendar;

/// <summary>
/// Starts the calendar work nobody is doing: outbox rows still pending a minute after their last write whose
/// orchestration is not running — the process died between the booking and the start, the local host restarted and
/// lost its in-memory instances, or an instance failed. A row never marked ready is adopted: by now its change is
/// committed or never will be, and syncing the appointment as it is is right either way.
/// </summary>
public sealed partial class CalendarReconciliation(CalendarOutbox outbox, CalendarStarter starter, TimeProvider time,
    ILogger<CalendarReconciliation> logger)
{
    /// <summary>How long a row may wait for the start its maker owes it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
    private const int BatchSize = 100;

    /// <summary>Returns how many instances it started.</summary>
    public async Task<int> RunAsync(DurableTaskClient client, CancellationToken ct)
    {
        var started = 0;
        foreach (var intent in await outbox.ListPendingAsync(time.GetUtcNow() - Grace, BatchSize, ct))
        {
            var work = new CalendarWork(intent.BusinessId, intent.AppointmentId);
            var instance = await client.GetInstanceAsync(work.InstanceId, getInputsAndOutputs: false, ct);
            if (DurableStarts.IsLive(instance)) continue; // working, or waiting to retry
            if (!intent.Ready && !await outbox.AdoptAsync(intent, ct)) continue; // written meanwhile: its maker is alive
            await starter.StartAsync(client, work.BusinessId, work.AppointmentId, ct);
            started++;
        }
        if (started > 0) LogStarted(started);
        return started;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar reconciliation started {Count} calendar updates")]
    private partial void LogStarted(int count);
}

/// <summary>The reconciliation every minute, on both hosts (tests turn timers off and run it themselves).</summary>
public sealed class CalendarReconciliationFunction(CalendarReconciliation reconciliation)
{
    [Function("CalendarReconciliation")]
    public Task Run([TimerTrigger("30 */1 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        reconciliation.RunAsync(client, ct);
}
