using Turnos.Core.Booking;
using Turnos.Core.Conversations;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>What leaves an activity for the orchestration's history carries no phone: the conversation goes by its key,
/// appointments without the customer's number.</summary>
internal static class TurnRedaction
{
    public static ConversationState Redact(ConversationState state, ConversationRef conversation) =>
        state with { CustomerPhone = conversation.CustomerKey };

    public static Appointment Redact(Appointment a) => a with { Customer = a.Customer with { Phone = "" } };

    public static EffectOutcome Redact(EffectOutcome outcome) => outcome switch
    {
        EffectOutcome.Booked b => new EffectOutcome.Booked(Redact(b.Appointment)),
        EffectOutcome.Cancelled c => new EffectOutcome.Cancelled(Redact(c.Appointment)),
        EffectOutcome.Confirmed c => new EffectOutcome.Confirmed(Redact(c.Appointment)),
        EffectOutcome.Rescheduled r => new EffectOutcome.Rescheduled(Redact(r.Replacement)),
        _ => outcome,
    };
}
