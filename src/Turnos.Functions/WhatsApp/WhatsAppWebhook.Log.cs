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

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageSid} was delivered again; already handed over, ignored.")]
    private static partial void LogRepeat(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp message {MessageSid} is still being handed over by another delivery; ignored.")]
    private static partial void LogStillRunning(ILogger logger, string messageSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageSid} handed to its conversation in business {BusinessId}.")]
    private static partial void LogHandedOver(ILogger logger, string messageSid, string businessId);

    [LoggerMessage(Level = LogLevel.Error, Message = "WhatsApp message {MessageSid} could not be handed over; apologised and released it for a retry.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string messageSid);

    [LoggerMessage(Level = LogLevel.Error, Message = "WhatsApp message {MessageSid}: the apology could not be sent either.")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string messageSid);
}
