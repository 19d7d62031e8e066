namespace Turnos.Functions.WhatsApp.Outbound;

/// <summary>One WhatsApp message to a customer: part <paramref name="Index"/> of the replies to inbound
/// <paramref name="MessageSid"/>. Numbers are E.164 without Twilio's "whatsapp:" prefix. With
/// <paramref name="ContentSid"/> it is an approved template (<paramref name="ContentVariables"/> is its variables as
/// JSON) and <paramref name="Body"/> is only what the simulator shows. <paramref name="TrackStatus"/> asks Twilio to
/// report its delivery (<c>/api/whatsapp/status</c>): WhatsApp refuses some messages only after Twilio accepted them.</summary>
public sealed record OutboundReply(string MessageSid, int Index, string From, string To, string Body,
    string? ContentSid = null, string? ContentVariables = null, bool TrackStatus = false);

/// <summary>Sends one message; throws when it was not accepted, so the caller can retry, or
/// <see cref="MessageRefusedException"/> when sending it again cannot help.</summary>
public interface IReplySender
{
    /// <returns>The provider's id of the sent message (Twilio's SM… sid).</returns>
    Task<string> SendAsync(OutboundReply reply, CancellationToken ct);
}

/// <summary>The provider refused the message for good (Twilio's 4xx: 63016 outside the 24-hour window, an invalid
/// number…): retrying sends nothing. Twilio's own message is not kept: it may quote the phone number.</summary>
public sealed class MessageRefusedException(int code, Exception? inner = null)
    : Exception($"The message was refused with Twilio error {code}", inner)
{
    public const int OutsideWindow = 63016;

    /// <summary>Twilio's error code (63016: free text outside WhatsApp's 24-hour customer-service window).</summary>
    public int Code { get; } = code;

    /// <summary>Why, in English for staff.</summary>
    public string Reason => Describe(Code);

    /// <summary>A Twilio error code (a refusal's, or a status callback's) in English for staff.</summary>
    public static string Describe(int? code) => code switch
    {
        OutsideWindow => "outside WhatsApp's 24-hour window: free text is refused, an approved template is needed",
        21211 or 21614 or 63003 => "not a valid WhatsApp number",
        20003 => "Twilio rejected the account's credentials",
        63007 => "the sending number is not a WhatsApp sender of the account",
        null => "not delivered (Twilio gave no error code)",
        _ => $"refused by Twilio (error {code})",
    };
}
