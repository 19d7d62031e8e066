using Microsoft.DurableTask.Client;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// Answers messages whose hand-over stopped halfway. The hand-over queues a message in its conversation's inbox and
/// then starts or tells the instance; if the process dies in between, or the local host restarts and loses its
/// in-memory instances, the message would wait until the customer writes again. A message still in an inbox after
/// <see cref="WaitingFor"/> gets its conversation woken as the hand-over would: started if not live (a new instance
/// reads its inbox first), then told by an event (a live instance waiting for one looks in its inbox). The
/// orchestrator drops a MessageSid it has answered, so waking a conversation twice answers once.
/// </summary>
internal sealed partial class InboxReconciliation(ConversationInbox inbox, ConversationHandOver handOver, TimeProvider time,
    ILogger<InboxReconciliation> logger) : IDurableSweepJob
{
    /// <summary>Long past a hand-over (milliseconds) and a normal turn (seconds), so a conversation at work is rarely
    /// told again; when it is, the extra event is harmless.</summary>
    public static readonly TimeSpan WaitingFor = TimeSpan.FromMinutes(1);
    private const int MaxPerRun = 100;

    public string Name => "inbox-reconciliation";

    /// <summary>Returns how many conversations had to be started again.</summary>
    public async Task<int> RunAsync(DurableTaskClient client, CancellationToken ct)
    {
        var (started, failed) = (0, 0);
        foreach (var (conversation, messageSid) in await inbox.WaitingSinceAsync(time.GetUtcNow() - WaitingFor, MaxPerRun, ct))
        {
            try
            {
                if (await handOver.WakeAsync(client, conversation, messageSid, ct)) started++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One conversation that cannot be woken must not hold up the others, which come after it every time.
                LogWakeFailed(conversation.BusinessId, messageSid, e);
                failed++;
            }
        }
        if (failed > 0) throw new InvalidOperationException($"{failed} conversations with waiting messages could not be woken ({started} were).");
        return started;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake the conversation of business {BusinessId} waiting with message {MessageSid}")]
    private partial void LogWakeFailed(string businessId, string messageSid, Exception exception);
}
