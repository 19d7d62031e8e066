using Turnos.Core.Conversations;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Conversations;

/// <summary>One inbound WhatsApp message, already verified and resolved to a business.</summary>
/// <param name="CustomerPhone">E.164, without Twilio's "whatsapp:" prefix.</param>
/// <param name="Text">The message text (or a button's payload/text), trimmed; never empty here.</param>
public sealed record InboundMessage(
    string BusinessId,
    string CustomerPhone,
    string? ProfileName,
    string Text,
    string MessageSid);

/// <summary>Understands one message. The rules always work; a language model may be tried first.</summary>
public interface IUnderstandingService
{
    /// <param name="photos">The message's photos a language model may look at (the first ten); the rules read words only.</param>
    Task<Understanding> UnderstandAsync(UnderstandingContext context, IReadOnlyList<MessageAttachment> photos, CancellationToken ct);
}
