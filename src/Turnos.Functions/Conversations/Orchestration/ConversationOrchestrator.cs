using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Turnos.Core.Conversations;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>
/// One conversation (business, customer) as a durable orchestration. Each generation takes the oldest message
/// waiting in the conversation's inbox (or, with none, waits for the event that announces one), runs one turn for
/// it (then, if the inbox was empty, waits for the next event) and continues as new with what it must remember, so
/// its history stays one turn long. Messages come from the inbox, not from the events, so none is lost with an event
/// and they are answered in arrival order. After the idle timeout it ends instead of waiting again (a timed-out wait
/// must not linger to swallow the next message); the next message starts it anew from the conversation saved in
/// Table Storage.
/// </summary>
public sealed class ConversationOrchestrator(IOptions<ConversationOptions> options)
{
    public const string Name = "Conversation";
    public const string MessageEvent = "message";

    private readonly TaskOptions _retried = TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: options.Value.ActivityAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(options.Value.ActivityFirstRetrySeconds), backoffCoefficient: 2));

    [Function(Name)]
    public async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        // The first generation is started without input (see ConversationHandOver); it knows itself by its id.
        var carry = context.GetInput<ConversationCarry?>() ?? new ConversationCarry(ConversationRef.FromInstanceId(context.InstanceId), []);
        // The last message answered, for whoever watches the instance (no text, no phone).
        if (carry.RecentMessageSids.Count > 0) context.SetCustomStatus(carry.RecentMessageSids[^1]);
        var idle = TimeSpan.FromHours(options.Value.IdleTimeoutHours);

        var message = await context.CallJsonActivityAsync<ConversationMessage?>(ConversationActivities.Next, carry.Conversation, _retried);
        if (message is null)
        {
            if (await WaitForMessageAsync(context, carry.Conversation, idle)) context.ContinueAsNew(carry, preserveUnprocessedEvents: false);
            return;
        }

        // Whether another message may be waiting already (then the next generation takes it at once).
        var more = true;
        if (carry.RecentMessageSids.Contains(message.MessageSid))
            await context.CallJsonActivityAsync<bool>(ConversationActivities.Done, new TurnRequest(carry.Conversation, message), _retried);
        else
            more = await RunTurnAsync(context, carry.Conversation, message, idle);
        context.SetCustomStatus(message.MessageSid);
        // With none waiting when the turn ended, any later message's event reaches this generation (nothing discarded
        // it yet), so waiting here is safe and spares the next generation a look at an empty inbox.
        if (!more && !await WaitForMessageAsync(context, carry.Conversation, idle)) return;
        // Events announce messages; the inbox holds them, so none is carried over.
        context.ContinueAsNew(carry.After(message.MessageSid), preserveUnprocessedEvents: false);
    }

    /// <summary>Waits for the event that announces a message; false when the conversation went idle instead and ends.</summary>
    private async Task<bool> WaitForMessageAsync(TaskOrchestrationContext context, ConversationRef conversation, TimeSpan idle)
    {
        try
        {
            await context.WaitForExternalEvent<string>(MessageEvent, idle);
            return true;
        }
        catch (TaskCanceledException)
        {
            // Idle: end, unless a message slipped in while the timer fired (its event may be lost with this instance).
            return await context.CallJsonActivityAsync<ConversationMessage?>(ConversationActivities.Next, conversation, _retried) is not null;
        }
    }

    /// <returns>Whether another message was waiting in the inbox when the turn ended.</returns>
    private async Task<bool> RunTurnAsync(TaskOrchestrationContext context, ConversationRef conversation, ConversationMessage message, TimeSpan idle)
    {
        try
        {
            var turn = await context.CallJsonActivityAsync<PreparedTurn>(ConversationActivities.Prepare, new TurnRequest(conversation, message), _retried);
            var decision = ConversationEngine.Decide(turn.State, turn.Understanding, turn.Facts, idle);
            if (decision.Effect is { } effect)
            {
                var outcome = await context.CallJsonActivityAsync<EffectOutcome>(ConversationActivities.Effect,
                    new EffectRequest(conversation, message, effect, decision.State), _retried);
                decision = ConversationEngine.Complete(decision, outcome, turn.Facts);
            }
            return await context.CallJsonActivityAsync<bool>(ConversationActivities.Finish,
                new FinishRequest(conversation, message, decision.State, decision.Replies), _retried);
        }
        catch (TaskFailedException)
        {
            // Failed even after its retries: apologise and move on rather than leave the message at the head of
            // the inbox, where every later message would wait behind it.
            await TryApologiseAsync(context, conversation, message);
            await context.CallJsonActivityAsync<bool>(ConversationActivities.Done, new TurnRequest(conversation, message), _retried);
            return true;
        }
    }

    private async Task TryApologiseAsync(TaskOrchestrationContext context, ConversationRef conversation, ConversationMessage message)
    {
        try
        {
            await context.CallJsonActivityAsync<int>(ConversationActivities.Send,
                new RepliesRequest(conversation, message, [WhatsAppReplies.ProblemFor(message.Text)]), _retried);
        }
        catch (TaskFailedException)
        {
            // Not even the apology went out (Twilio down): the customer will write again.
        }
    }
}
