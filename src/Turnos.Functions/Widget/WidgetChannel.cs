using System.Text.RegularExpressions;

namespace Turnos.Functions.Widget;

/// <summary>
/// A web chat widget's conversation as a conversation's address, where a WhatsApp conversation has the customer's phone:
/// <c>web:{conversationId}</c>. It never equals a phone (those start with '+') nor a chat session (<c>chat:</c>), so the
/// three channels never mix; its replies go back to the waiting <c>POST /api/widget/{negocio}/messages</c>, never
/// through Twilio.
/// </summary>
public static partial class WidgetChannel
{
    public const string Prefix = "web:";

    /// <summary>What stands for the business's WhatsApp number on a widget message (replies do not leave from a number).</summary>
    public const string Sender = "web";

    public static string Address(string conversationId) => Prefix + conversationId;

    public static bool IsWidget(string address) => address.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A browser's conversation id: 128 random bits as 32 lowercase hex digits, made by the widget with
    /// <c>crypto.getRandomValues</c>. Whoever knows it reads the conversation's replies, so it must not be guessable.</summary>
    [GeneratedRegex("^[0-9a-f]{32}$")]
    public static partial Regex ConversationIdPattern();
}
