using Turnos.Functions.Chat;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.Conversations;

/// <summary>
/// Where a turn's replies go, by the conversation's address: a WhatsApp phone gets them through the Twilio Messages API
/// (each part once); a chat API session or a web widget's browser has a call waiting for them, which gets them back
/// through <see cref="ChatReplies"/> — never Twilio.
/// </summary>
public sealed class ConversationReplies(ReplyDelivery delivery, ChatReplies waiting)
{
    /// <returns>How many messages this call handed over.</returns>
    public async Task<int> SendAsync(string messageId, string businessNumber, string address, IReadOnlyList<string> replies, CancellationToken ct)
    {
        if (address.StartsWith('+')) return await delivery.DeliverAsync(messageId, businessNumber, address, replies, ct);
        await waiting.CompleteAsync(messageId, replies, ct);
        return replies.Count;
    }
}
