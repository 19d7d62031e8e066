using Turnos.Core.Conversations;

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
    Task<Understanding> UnderstandAsync(UnderstandingContext context, CancellationToken ct);
}
