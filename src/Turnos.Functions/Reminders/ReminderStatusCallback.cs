using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;
using Turnos.Functions.Observability;
using Turnos.Functions.WhatsApp;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.Reminders;

/// <summary>
/// <c>POST /api/whatsapp/status</c>: Twilio's status callback for reminders. WhatsApp refuses free text outside the
/// 24-hour window only after Twilio accepted the message, so the refusal (63016) arrives here as <c>failed</c> or
/// <c>undelivered</c> with its <c>ErrorCode</c>; the reminder's record is marked failed and counted. Signed like the
/// messaging webhook; any other status, or a message that was not a reminder, is acknowledged and ignored.
/// </summary>
public sealed partial class ReminderStatusCallback(ReminderLog log, IOptions<TwilioOptions> options, TurnosMetrics metrics, TimeProvider time,
    ILogger<ReminderStatusCallback> logger)
{
    [Function("WhatsAppStatusCallback")]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = TwilioMessagesSender.StatusRoute)] HttpRequest request) =>
        (await HandleAsync(request)).ToActionResult();

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var form = await WebhookForm.ReadAsync(request, request.HttpContext.RequestAborted);
        if (form is null) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The body must be a form.");
        var o = options.Value;
        if (!WhatsAppWebhook.IsSigned(request, o, form))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "The X-Twilio-Signature header is missing or does not match this request.");
        if (!form.Fields.TryGetValue("MessageSid", out var sid) || !form.Fields.TryGetValue("MessageStatus", out var status))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "MessageSid and MessageStatus are required.");
        if (status is not ("failed" or "undelivered")) return Results.NoContent();

        // Not the request's token: once Twilio told us, the record is written even if it stops waiting.
        if (await log.FindTrackedAsync(sid, CancellationToken.None) is not var (businessId, appointmentId, record)) return Results.NoContent();
        int? code = form.Fields.TryGetValue("ErrorCode", out var text) && int.TryParse(text, out var n) ? n : null;
        if (record is { State: ReminderState.Failed } && record.ErrorCode == code) return Results.NoContent(); // told twice
        await log.RecordAsync(businessId, appointmentId, record with
        {
            State = ReminderState.Failed, AtUtc = time.GetUtcNow(), ErrorCode = code, Reason = MessageRefusedException.Describe(code),
        }, CancellationToken.None);
        metrics.Reminder("failed", code == MessageRefusedException.OutsideWindow ? "outside_window" : "undelivered");
        LogUndelivered(record.MinutesBefore, appointmentId, businessId, code);
        return Results.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {MinutesBefore} min before appointment {AppointmentId} in {BusinessId} was not delivered: Twilio error {Code}")]
    private partial void LogUndelivered(int minutesBefore, string appointmentId, string businessId, int? code);
}
