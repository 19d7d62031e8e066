using Microsoft.Extensions.Options;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Conversations;

/// <summary>
/// Runs a turn: load the conversation, understand the message, load the facts, decide (pure), run the
/// effect, save with the ETag. When another turn of the same conversation saved first, the whole turn
/// is redone on the new state; effects are idempotent, so redoing is safe.
/// </summary>
public sealed partial class ConversationTurns(
    ConversationStore conversations, CatalogStore catalog, IUnderstandingService understanding, TurnFactsLoader factsLoader,
    TurnEffects effects, IOptions<ConversationOptions> options, TimeProvider time, ILogger<ConversationTurns> logger) : IConversationTurns
{
    private const int MaxAttempts = 5;

    public async Task<IReadOnlyList<string>> HandleAsync(InboundMessage message, CancellationToken ct)
    {
        var snapshot = await catalog.GetSnapshotAsync(message.BusinessId, ct)
            ?? throw new InvalidOperationException($"Business '{message.BusinessId}' does not exist.");
        var idle = TimeSpan.FromHours(options.Value.IdleTimeoutHours);
        Understanding? understood = null;
        var understoodFor = Expectation.None;
        for (var attempt = 1; ; attempt++)
        {
            var (state, etag) = await conversations.LoadAsync(message.BusinessId, message.CustomerPhone, ct);
            var now = time.GetUtcNow();
            // What the message means can depend on what was asked last; understand again only if that changed.
            if (understood is null || understoodFor != state.Expecting)
            {
                var localNow = LocalTime.ToLocal(now, snapshot.Business.TimeZone);
                understood = await understanding.UnderstandAsync(new UnderstandingContext(message.Text, localNow, snapshot, state.Expecting), ct);
                understoodFor = state.Expecting;
            }
            var facts = await factsLoader.LoadAsync(snapshot, state, understood, now, ct);
            var decision = ConversationEngine.Decide(state, understood, facts, idle);
            if (decision.Effect is { } effect)
                decision = ConversationEngine.Complete(decision, await effects.RunAsync(effect, decision.State, message, ct), facts);
            if (await conversations.TrySaveAsync(decision.State, etag, ct))
            {
                LogTurn(message.BusinessId, understood.Intent, decision.State.Mode, understood.Source, attempt);
                return decision.Replies;
            }
            if (attempt == MaxAttempts)
                throw new InvalidOperationException($"The conversation kept changing under turn {message.MessageSid}; gave up after {MaxAttempts} attempts.");
            LogRedo(message.BusinessId, attempt);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn in {BusinessId}: {Intent} → {Mode} ({Source}, attempt {Attempt})")]
    private partial void LogTurn(string businessId, Intent intent, ConversationMode mode, UnderstandingSource source, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conversation in {BusinessId} changed meanwhile; redoing the turn (attempt {Attempt})")]
    private partial void LogRedo(string businessId, int attempt);
}
