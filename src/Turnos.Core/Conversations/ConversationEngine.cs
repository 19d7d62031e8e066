using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// The conversation's next step: a pure function of (state, understanding, facts incl. the clock). The
/// same inputs always give the same decision, so a turn lost to a concurrent update is simply redone.
/// </summary>
public static class ConversationEngine
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromHours(24);

    public static TurnDecision Decide(ConversationState state, Understanding understanding, TurnFacts facts, TimeSpan idleTimeout)
    {
        var fresh = state.LastActivityUtc is { } last && facts.NowUtc - last > idleTimeout ? state.Restart() : state;
        fresh = fresh with
        {
            CustomerName = fresh.CustomerName ?? facts.KnownName,
            CustomerEmail = fresh.CustomerEmail ?? facts.KnownEmail,
            Language = understanding.Language ?? fresh.Language,
            Turns = fresh.Turns + 1,
            LastActivityUtc = facts.NowUtc,
        };
        return new Turn(fresh, understanding, facts).Run();
    }

    /// <summary>Finishes a turn once its effect has run.</summary>
    public static TurnDecision Complete(TurnDecision decision, EffectOutcome outcome, TurnFacts facts) =>
        new Turn(decision.State, new Understanding(), facts, decision.Replies).Finish(decision.Effect!, outcome);

    /// <summary>The local date and time of an instant in the business's zone.</summary>
    internal static (DateOnly Date, TimeOnly Time) Local(DateTimeOffset utc, TimeZoneInfo zone)
    {
        var local = LocalTime.ToLocal(utc, zone);
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }
}
