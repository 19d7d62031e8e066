using System.ComponentModel.DataAnnotations;

namespace Turnos.Functions.Chat;

public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>How long <c>POST /api/chat</c> waits for the conversation's reply before it answers the source system's
    /// timeout text (its <c>CHAT_TIMEOUT</c>, 120 s by default).</summary>
    [Range(1, 600, ErrorMessage = "Chat:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 120;
}
