using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Reminders;

/// <summary>
/// Restarts reminders nobody is waiting for: a booked appointment with a reminder still ahead whose orchestration is
/// not live — the local host restarted and lost its in-memory instances, a start failed, or the policy gained an
/// earlier reminder after its instance had finished. It never sends anything itself: a restarted instance plans only
/// reminders still ahead, and each (appointment, offset) is claimed before it is sent.
/// </summary>
public sealed partial class ReminderReconciliation(CatalogStore catalog, AppointmentStore appointments, ReminderStarter starter,
    TimeProvider time, ILogger<ReminderReconciliation> logger)
{
    // One run at a time in a process: two starts of one instance id racing each other can upset the local host's
    // in-memory backend (its dedupe is not atomic), and a second run finds the first's instances live anyway.
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Returns how many instances it started.</summary>
    public async Task<int> RunAsync(DurableTaskClient client, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            return await ReconcileAsync(client, ct);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<int> ReconcileAsync(DurableTaskClient client, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var started = 0;
        foreach (var businessId in await catalog.ListBusinessIdsAsync(ct))
        {
            var offsets = (await catalog.GetSnapshotAsync(businessId, ct))?.Business.Policy.RemindersMinutesBefore ?? [];
            if (offsets.Count == 0) continue;
            // Only appointments close enough to have a reminder still ahead.
            foreach (var a in await appointments.ListAsync(businessId, now, now.AddMinutes(offsets.Max()), ct))
            {
                if (a.Status != AppointmentStatus.Booked || ReminderPlan.For(a.StartUtc, offsets, now).Count == 0) continue;
                var instance = await client.GetInstanceAsync(new ReminderWork(businessId, a.Id).InstanceId, getInputsAndOutputs: false, ct);
                if (DurableStarts.IsLive(instance)) continue;
                await starter.StartAsync(client, businessId, a.Id, ct);
                started++;
            }
        }
        if (started > 0) LogStarted(started);
        return started;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder reconciliation started reminders for {Count} appointments")]
    private partial void LogStarted(int count);
}

/// <summary>The reconciliation at start (what a restart lost) and every ten minutes, on both hosts (tests turn timers off
/// and run it themselves).</summary>
public sealed class ReminderReconciliationFunction(ReminderReconciliation reconciliation)
{
    [Function("ReminderReconciliation")]
    public Task Run([TimerTrigger("0 */10 * * * *", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient client,
        CancellationToken ct) => reconciliation.RunAsync(client, ct);
}
