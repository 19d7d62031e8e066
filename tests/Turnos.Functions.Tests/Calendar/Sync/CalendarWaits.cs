using Microsoft.DurableTask.Client;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Tests.Calendar.Sync;

/// <summary>Calendar work runs in the background (the booking never waits for it): tests wait for it here.</summary>
internal static class CalendarWaits
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Waits until the appointment's calendar orchestration has finished (every generation of it).</summary>
    public static async Task CalendarDoneAsync(this DurableTaskClient client, string businessId, string appointmentId)
    {
        var instanceId = new CalendarWork(businessId, appointmentId).InstanceId;
        using var timeout = new CancellationTokenSource(Patience);
        var instance = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{instanceId} ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Patience) throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            await Task.Delay(25);
        }
    }
}
