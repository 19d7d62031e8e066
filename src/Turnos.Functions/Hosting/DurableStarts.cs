using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Turnos.Functions.Hosting;

/// <summary>Starting one orchestration instance per id (a conversation, an appointment's calendar work or reminders)
/// without disturbing one that is live.</summary>
public static class DurableStarts
{
    public static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public static bool IsLive(OrchestrationMetadata? instance) => instance is not null && Live.Contains(instance.RuntimeStatus);

    /// <summary>Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/> without input; false when a live
    /// instance had that id already (started meanwhile by someone else: fine).</summary>
    public static async Task<bool> StartUnlessLiveAsync(this DurableTaskClient client, TaskName orchestrator, string instanceId, CancellationToken ct)
    {
        try
        {
            // Without dedupe statuses a backend may terminate a live instance to start a new one.
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator,
                new StartOrchestrationOptions(instanceId) { DedupeStatuses = [.. Live.Select(s => s.ToString())] }, ct);
            return true;
        }
        catch (Exception e) when (e is OrchestrationAlreadyExistsException or RpcException { StatusCode: StatusCode.AlreadyExists or StatusCode.FailedPrecondition })
        {
            return false;
        }
    }

    /// <summary>The two ids in an instance id made as <c>{prefix}{first}:{second}</c> (the second holds no ':').</summary>
    public static (string First, string Second) SplitInstanceId(string prefix, string instanceId, string what)
    {
        var separator = instanceId.LastIndexOf(':');
        if (!instanceId.StartsWith(prefix, StringComparison.Ordinal) || separator <= prefix.Length)
            throw new ArgumentException($"'{instanceId}' is not {what} instance id.", nameof(instanceId));
        return (instanceId[prefix.Length..separator], instanceId[(separator + 1)..]);
    }
}
