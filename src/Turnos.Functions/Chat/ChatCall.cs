using Microsoft.DurableTask.Client;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Chat;

/// <summary>
/// A message handed to its conversation's orchestration by a call that waits for the replies (<c>POST /api/chat</c>, the
/// widget): the replies come back to this call through <see cref="ChatReplies"/>, not through Twilio.
/// </summary>
public sealed partial class ChatCall(ConversationHandOver handOver, ChatReplies replies, IHostApplicationLifetime lifetime, ILogger<ChatCall> logger)
{
    /// <returns>The turn's replies; <see cref="ChatCallOutcome.NoReply"/> when none came within <paramref name="timeout"/>,
    /// <see cref="ChatCallOutcome.NotHandedOver"/> when the message could not be handed to the conversation.</returns>
    public async Task<ChatCallOutcome> AskAsync(DurableTaskClient client, string businessId, string address, ConversationMessage message,
        TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            // Not the caller's token: a hand-over the caller stops waiting for still finishes, and its reply is dropped.
            await handOver.HandOverAsync(client, businessId, address, message, lifetime.ApplicationStopping);
            if (await replies.WaitAsync(message.MessageSid, timeout, ct) is { } texts) return new(texts);
            LogTimedOut(message.MessageSid, businessId, timeout.TotalSeconds);
            return ChatCallOutcome.NoReply;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, message.MessageSid, businessId);
            return ChatCallOutcome.NotHandedOver;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} in {BusinessId} got no reply within {Seconds} s")]
    private partial void LogTimedOut(string messageId, string businessId, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} in {BusinessId} could not be handed to its conversation")]
    private partial void LogFailed(Exception exception, string messageId, string businessId);
}

/// <summary>How a <see cref="ChatCall"/> went: its replies, or none (in time, or at all: not handed over).</summary>
public sealed record ChatCallOutcome(IReadOnlyList<string>? Replies, bool HandedOver = true)
{
    public static ChatCallOutcome NoReply { get; } = new((IReadOnlyList<string>?)null);
    public static ChatCallOutcome NotHandedOver { get; } = new(null, HandedOver: false);
}
