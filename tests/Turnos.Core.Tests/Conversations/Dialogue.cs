using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Drives the engine with what customers write, read by the rules as the app reads it.</summary>
internal static class Dialogue
{
    public static ConversationState Fresh => ConversationState.New("demo", "+5491155550000");

    public static TurnFacts Facts(BusinessSnapshot? business = null, string? name = null, string? email = null,
        IReadOnlyList<Booking.Appointment>? upcoming = null, DateTimeOffset? now = null, DateOnly? from = null, Reminded? reminder = null) =>
        new(business ?? Snapshot(), [], from ?? Monday, (from ?? Monday).AddDays(8), now ?? Now, name, email, upcoming, reminder);

    public static TurnDecision Say(ConversationState state, Understanding u, TurnFacts facts) =>
        ConversationEngine.Decide(state, u, facts, ConversationEngine.DefaultIdleTimeout);

    public static TurnDecision Hear(ConversationState state, string text, TurnFacts facts) =>
        Say(state, Read(state, text, facts), facts);

    /// <summary>Read as the app reads it: answering a reminder that awaits an answer, else what the conversation asked.</summary>
    public static Understanding Read(ConversationState state, string text, TurnFacts facts) =>
        RulesUnderstanding.Understand(new UnderstandingContext(text, LocalTime.ToLocal(facts.NowUtc, facts.Zone), facts.Business,
            ConversationEngine.Expecting(state, facts.Reminder), state.Language));

    /// <summary>Corte on Tuesday 10:00, so the next question is the name (or email, or confirmation, by the profile).</summary>
    public static TurnDecision AtTheSlot(TurnFacts facts) =>
        Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte", Date = Tuesday, Time = new TimeOnly(10, 0) }, facts);
}
