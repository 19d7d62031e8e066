using System.ComponentModel.DataAnnotations;

namespace Turnos.Functions.Widget;

/// <summary>The web chat widget's budget and abuse limits (<c>Widget:*</c>).</summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>How long <c>POST /api/widget/{negocio}/messages</c> waits for the conversation's reply.</summary>
    [Range(1, 600, ErrorMessage = "Widget:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Messages one widget conversation may send per minute.</summary>
    [Range(1, 10_000, ErrorMessage = "Widget:MessagesPerMinute must be between 1 and 10000.")]
    public int MessagesPerMinute { get; set; } = 10;

    /// <summary>Messages one client address may send per minute, over all its conversations and businesses.</summary>
    [Range(1, 100_000, ErrorMessage = "Widget:IpMessagesPerMinute must be between 1 and 100000.")]
    public int IpMessagesPerMinute { get; set; } = 30;

    /// <summary>Messages one client address may send per hour, over all its conversations and businesses.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Widget:IpMessagesPerHour must be between 1 and 1000000.")]
    public int IpMessagesPerHour { get; set; } = 300;
}
