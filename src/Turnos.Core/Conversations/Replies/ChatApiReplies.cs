using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>What the assistant says on the source system's gateway (see Turn.ChatApi).</summary>
internal abstract partial class ReplyTexts
{
    /// <summary>The time asked for is free; the details still missing confirm it.</summary>
    public abstract string FreeGiveDetails(OfferedSlot slot, BusinessSnapshot s, DateOnly today, bool name, bool email);
}

internal sealed partial class SpanishReplyTexts
{
    public override string FreeGiveDetails(OfferedSlot slot, BusinessSnapshot s, DateOnly today, bool name, bool email) =>
        $"¡Perfecto! {SpanishFormat.Capitalize(SlotText(slot, s, today))} está disponible. ✅ Para confirmar, necesito tu "
        + (name && email ? "nombre completo y tu correo electrónico." : name ? "nombre completo." : "correo electrónico.");
}

internal sealed partial class EnglishReplyTexts
{
    public override string FreeGiveDetails(OfferedSlot slot, BusinessSnapshot s, DateOnly today, bool name, bool email) =>
        $"Great! {SpanishFormat.Capitalize(SlotText(slot, s, today))} is available. ✅ To confirm, I need your "
        + (name && email ? "full name and email." : name ? "full name." : "email.");
}
