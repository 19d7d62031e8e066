using Microsoft.DurableTask.Client;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>
/// Hands one inbound message to its conversation's orchestration without losing it. Every message: make sure the
/// conversation's row exists (activities find the phone there), queue the message in the conversation's inbox, make
/// sure the instance runs (started without input; one already running is left alone), then raise an event that
/// announces it. An event raised to an instance that has just ended (its idle timeout) is discarded by the backend,
/// so the instance is checked after raising and, if it is not running, started again: a new instance looks in the
/// inbox first. The inbox queues a MessageSid once, and the orchestrator drops one it has handled as well.
/// </summary>
public sealed partial class ConversationHandOver(ConversationStore conversations, ConversationInbox inbox, ILogger<ConversationHandOver> logger)
{
    private const int MaxAttempts = 5;

    /// <returns>Whether the message was queued now; false for a MessageSid queued before (woken for all the same: the
    /// delivery that queued it may have stopped before waking the conversation).</returns>
    public async Task<bool> HandOverAsync(DurableTaskClient client, string businessId, string phone, ConversationMessage message, CancellationToken ct)
    {
        var conversation = new ConversationRef(businessId, await conversations.EnsureAsync(businessId, phone, ct));
        var queued = await inbox.AddAsync(conversation, message, ct);
        await WakeAsync(client, conversation, message.MessageSid, ct);
        return queued;
    }

    /// <summary>
    /// Makes sure the conversation's instance runs and looks in its inbox: started if it is not live, then told by the
    /// event. The sweeper's inbox reconciliation calls it for messages whose hand-over stopped halfway (the process
    /// died between the inbox and the instance, or the local host lost its instances). Returns whether an instance
    /// had to be started.
    /// </summary>
    public async Task<bool> WakeAsync(DurableTaskClient client, ConversationRef conversation, string messageSid, CancellationToken ct)
    {
        var started = false;
        for (var attempt = 1; ; attempt++)
        {
            started |= await EnsureRunningAsync(client, conversation.InstanceId, ct);
            await client.RaiseEventAsync(conversation.InstanceId, ConversationOrchestrator.MessageEvent, messageSid, ct);
            var after = await client.GetInstanceAsync(conversation.InstanceId, getInputsAndOutputs: false, ct);
            if (DurableStarts.IsLive(after)) return started;
            if (attempt == MaxAttempts)
                throw new InvalidOperationException($"Message {messageSid} could not be handed to its conversation after {MaxAttempts} attempts.");
            LogHandedAgain(messageSid, attempt);
        }
    }

    private static async Task<bool> EnsureRunningAsync(DurableTaskClient client, string instanceId, CancellationToken ct) =>
        !DurableStarts.IsLive(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct))
        && await client.StartUnlessLiveAsync(ConversationOrchestrator.Name, instanceId, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation ended as message {MessageSid} arrived; handing it over again (attempt {Attempt})")]
    private partial void LogHandedAgain(string messageSid, int attempt);
}
