namespace Turnos.Functions.Chat;

/// <summary>
/// A chat session as a conversation's address, where a WhatsApp conversation has the customer's phone: <c>chat:{session}</c>.
/// It can never equal a phone (those start with '+'), so chat and WhatsApp conversations never mix, and nothing is
/// ever sent to it through Twilio: its replies go back to the waiting <c>POST /api/chat</c>.
/// </summary>
public static class ChatChannel
{
    public const string Prefix = "chat:";

    /// <summary>What stands for the business's WhatsApp number on a chat message (replies do not leave from a number).</summary>
    public const string Sender = "chat";

    public static string Address(long sessionId) => Prefix + sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsChat(string address) => address.StartsWith(Prefix, StringComparison.Ordinal);
}
