using System.ComponentModel.DataAnnotations;

namespace Turnos.Functions.Conversations;

public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>After this long without messages a conversation starts over (the customer's name and email
    /// are kept). WhatsApp's customer-service window is 24 hours.</summary>
    [Range(1, 24 * 30, ErrorMessage = "Conversations:IdleTimeoutHours must be between 1 and 720.")]
    public int IdleTimeoutHours { get; set; } = 24;

    /// <summary>How often a conversation's activity (understanding, booking, saving, sending) is tried before the
    /// turn gives up and the customer is asked to write again.</summary>
    [Range(1, 10, ErrorMessage = "Conversations:ActivityAttempts must be between 1 and 10.")]
    public int ActivityAttempts { get; set; } = 5;

    /// <summary>The wait before an activity's first retry; each later wait doubles it.</summary>
    [Range(0.01, 60, ErrorMessage = "Conversations:ActivityFirstRetrySeconds must be between 0.01 and 60.")]
    public double ActivityFirstRetrySeconds { get; set; } = 1;

    /// <summary>How long a finished conversation instance (completed, failed or terminated) keeps its orchestration
    /// history, which holds message texts; the <c>HistoryPurge</c> timer function deletes it after that. A week, as the
    /// <c>messages</c> table keeps its rows.</summary>
    [Range(1, 365, ErrorMessage = "Conversations:HistoryRetentionDays must be between 1 and 365.")]
    public int HistoryRetentionDays { get; set; } = 7;
}
