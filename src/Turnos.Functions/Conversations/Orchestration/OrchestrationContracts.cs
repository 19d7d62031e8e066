using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>Which conversation: a business and a customer key (a hash of the phone, never the phone itself, since
/// everything an orchestration is given is kept in its history).</summary>
public sealed record ConversationRef(string BusinessId, string CustomerKey)
{
    /// <summary>One orchestration instance per conversation; the id carries no phone number in clear.</summary>
    public string InstanceId => $"{Prefix}{BusinessId}:{CustomerKey}";

    private const string Prefix = "conversation:";

    /// <summary>The conversation an instance id names (an instance started without input knows itself this way).</summary>
    public static ConversationRef FromInstanceId(string instanceId)
    {
        var (first, second) = DurableStarts.SplitInstanceId(Prefix, instanceId, "a conversation's");
        return new ConversationRef(first, second);
    }
}

/// <summary>One inbound message: its text (empty for a photo alone), the business number it was sent to (replies go out
/// from it), what came with it and, once taken from the conversation's inbox, its row there. A chat message
/// (<c>POST /api/chat</c>) may set persona texts for its reply and how it books.</summary>
public sealed record ConversationMessage(string MessageSid, string Text, string BusinessNumber, string? InboxKey = null, ChatPersona? Persona = null,
    Chat.ChatBooking? Booking = null, IReadOnlyList<MessageAttachment>? Attachments = null);

/// <summary>
/// A medium that came with a message: where it is and its media type. Twilio's (<paramref name="FromTwilio"/>) are read
/// with the account's credentials; a chat message's image links are public, and a language model is given the link.
/// The URL may carry a token (a signed link), so it is never logged.
/// </summary>
public sealed record MessageAttachment(string Url, string ContentType, bool FromTwilio = false);

/// <summary>Persona texts a chat request sets for its reply (the source system's <c>nombre_bot</c>, <c>frase_saludo</c>,
/// <c>frase_des</c>, <c>frase_no_sabe</c>); null ones keep the business's.</summary>
public sealed record ChatPersona(string? BotName = null, string? Greeting = null, string? Farewell = null, string? UnknownPhrase = null)
{
    public Persona Over(Persona persona) => persona with
    {
        BotName = BotName ?? persona.BotName,
        Greeting = Greeting ?? persona.Greeting,
        Farewell = Farewell ?? persona.Farewell,
        UnknownPhrase = UnknownPhrase ?? persona.UnknownPhrase,
    };
}

/// <summary>What one generation of the orchestration hands to the next: the conversation, and the message ids it
/// handled lately, so a repeated hand-over of the same message is dropped.</summary>
public sealed record ConversationCarry(ConversationRef Conversation, IReadOnlyList<string> RecentMessageSids)
{
    public const int Remembered = 50;

    public ConversationCarry After(string messageSid) =>
        this with { RecentMessageSids = [.. RecentMessageSids.Append(messageSid).TakeLast(Remembered)] };
}

/// <summary>What the orchestrator decides from: the saved state, what the message means and the facts (the clock
/// included). The phone is replaced by the customer key in all of it.</summary>
public sealed record PreparedTurn(ConversationState State, Understanding Understanding, TurnFacts Facts);

public sealed record EffectRequest(ConversationRef Conversation, ConversationMessage Message, TurnEffect Effect, ConversationState State);

public sealed record FinishRequest(ConversationRef Conversation, ConversationMessage Message, ConversationState State, IReadOnlyList<string> Replies);

public sealed record RepliesRequest(ConversationRef Conversation, ConversationMessage Message, IReadOnlyList<string> Replies);

public sealed record TurnRequest(ConversationRef Conversation, ConversationMessage Message);
