using Turnos.Core.Booking;
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
        // The reminder was the last thing said to the customer: what the conversation asked before it is stale, and the
        // reminder introduced the bot already. A request for a person still waits for one (Restart keeps it).
        var reminded = AwaitsAnswer(state, facts.Reminder?.Ref) ? facts.Reminder : null;
        if (reminded is not null) fresh = fresh.Restart() with { Greeted = true, ReminderSeen = reminded.Ref };
        fresh = fresh with
        {
            CustomerName = fresh.CustomerName ?? facts.KnownName,
            CustomerEmail = fresh.CustomerEmail ?? facts.KnownEmail,
            Language = understanding.Language ?? fresh.Language,
            Turns = fresh.Turns + 1,
            LastActivityUtc = facts.NowUtc,
        };
        return new Turn(fresh, understanding, facts, reminded: reminded).Run();
    }

    /// <summary>Whether the customer's next message may answer this reminder: it went out after their last message, and
    /// no turn has seen it yet. Once they write, it is seen, answered or not.</summary>
    public static bool AwaitsAnswer(ConversationState state, LastReminder? reminder) =>
        reminder is { } r && r != state.ReminderSeen && (state.LastActivityUtc is not { } last || r.SentUtc > last);

    /// <summary>What the customer's message is read as answering: the reminder's question when one awaits an answer,
    /// else what the conversation asked.</summary>
    public static Expectation Expecting(ConversationState state, Reminded? reminder) =>
        AwaitsAnswer(state, reminder?.Ref) ? Expectation.Reminder : state.Expecting;

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
