namespace Turnos.Functions.WhatsApp;

// Message sids and business ids only: phone numbers, texts and tokens never reach these lines.
public sealed partial class WhatsAppWebhook
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a WhatsApp webhook call: its X-Twilio-Signature {Problem}.")]
    private static partial void LogForged(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageSid} was sent to a number no business uses; answered with empty TwiML.")]
    private static partial void LogUnknownNumber(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageSid} has no text ({NumMedia} media); asked for text.")]
    private static partial void LogNotText(ILogger logger, string messageSid, int numMedia);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageSid} was delivered again; answered with the stored replies.")]
    private static partial void LogRepeat(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp message {MessageSid} is still being answered by another delivery; asked the customer to write again.")]
    private static partial void LogStillRunning(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageSid} for business {BusinessId} answered with {Replies} replies in {ElapsedMs} ms.")]
    private static partial void LogAnswered(ILogger logger, string messageSid, string businessId, int replies, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp message {MessageSid} for business {BusinessId}: the turn took longer than {Seconds} s; apologised and released the message for a retry.")]
    private static partial void LogTimeout(ILogger logger, string messageSid, string businessId, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "WhatsApp message {MessageSid} failed; apologised and released the message for a retry.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string messageSid);
}
