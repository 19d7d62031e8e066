using System.ComponentModel.DataAnnotations;

namespace Turnos.Functions.Conversations;

public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>After this long without messages a conversation starts over (the customer's name and email
    /// are kept). WhatsApp's customer-service window is 24 hours.</summary>
    [Range(1, 24 * 30, ErrorMessage = "Conversations:IdleTimeoutHours must be between 1 and 720.")]
    public int IdleTimeoutHours { get; set; } = 24;
}
