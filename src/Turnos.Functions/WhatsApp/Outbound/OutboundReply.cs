namespace Turnos.Functions.WhatsApp.Outbound;

/// <summary>One WhatsApp message to a customer: part <paramref name="Index"/> of the replies to inbound
/// <paramref name="MessageSid"/>. Numbers are E.164 without Twilio's "whatsapp:" prefix.</summary>
public sealed record OutboundReply(string MessageSid, int Index, string From, string To, string Body);

/// <summary>Sends one message; throws when it was not accepted, so the caller can retry.</summary>
public interface IReplySender
{
    /// <returns>The provider's id of the sent message (Twilio's SM… sid).</returns>
    Task<string> SendAsync(OutboundReply reply, CancellationToken ct);
}
