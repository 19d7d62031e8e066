using Microsoft.Azure.Functions.Worker;
using Turnos.Core.Booking;
using Turnos.Core.Notices;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.Notices;

/// <summary>Sends one change's notices, as an activity taking and returning JSON text (see <see cref="JsonActivityCalls"/>);
/// safe to run again.</summary>
public sealed partial class NoticeActivities(AppointmentStore appointments, CatalogStore catalog, ReplyDelivery delivery,
    ILogger<NoticeActivities> logger)
{
    public const string Send = "ProfessionalNoticeSend";

    /// <summary>Tells each professional with a number of their part of the change, from the business's first WhatsApp number;
    /// returns how many messages this call sent. A Twilio outage throws (after the ones before it went out), so the retry
    /// sends only what is still unsent; a refusal (63016: the professional has not written to the business in 24 hours, an
    /// invalid number) is final for that professional and is logged, not retried.</summary>
    [Function(Send)]
    public async Task<string> SendAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var work = JsonActivityCalls.Read<NoticeWork>(input);
        var (businessId, appointmentId, kind) = (work.BusinessId, work.AppointmentId, work.KindName);
        var snapshot = await catalog.GetSnapshotAsync(businessId, ct);
        var found = await appointments.GetAsync(businessId, appointmentId, ct);
        if (found is not ({ } appointment, _) || snapshot is null)
        {
            LogSkipped(kind, appointmentId, businessId, "gone");
            return JsonActivityCalls.Write(0);
        }
        if (snapshot.Business.WhatsAppNumbers is not [var from, ..])
        {
            LogSkipped(kind, appointmentId, businessId, "without a WhatsApp number to send from");
            return JsonActivityCalls.Write(0);
        }
        var previous = work.Kind == NoticeKind.Moved && appointment.RescheduledFromId is { } oldId
            ? (await appointments.GetAsync(businessId, oldId, ct))?.Appointment : null;
        var sent = 0;
        foreach (var notice in ProfessionalNotices.For(work.Kind, appointment, previous, snapshot))
        {
            // The MessageSid slot of a reply's claim: one claim per (appointment, kind, professional). One part: notices are short.
            var outcome = await delivery.SendOnceAsync(
                new OutboundReply($"notice-{appointmentId}-{kind}-{notice.ProfessionalId}", 0, from, notice.To, notice.Text), ct);
            if (outcome.State == DeliveryState.Refused) LogRefused(kind, appointmentId, businessId, notice.ProfessionalId, outcome.RefusedCode, outcome.Detail);
            else LogOutcome(kind, appointmentId, businessId, notice.ProfessionalId, outcome.State);
            if (outcome.State == DeliveryState.Sent) sent++;
        }
        return JsonActivityCalls.Write(sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice of {Kind} appointment {AppointmentId} in {BusinessId} to professional {ProfessionalId}: {Outcome}")]
    private partial void LogOutcome(string kind, string appointmentId, string businessId, string professionalId, DeliveryState outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice of {Kind} appointment {AppointmentId} in {BusinessId} to professional {ProfessionalId} refused with Twilio error {Code} ({Why}); not retried")]
    private partial void LogRefused(string kind, string appointmentId, string businessId, string professionalId, int? code, string? why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notices of {Kind} appointment {AppointmentId} in {BusinessId} not sent: it is {Why}")]
    private partial void LogSkipped(string kind, string appointmentId, string businessId, string why);
}
