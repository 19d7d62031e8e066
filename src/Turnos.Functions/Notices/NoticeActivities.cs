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
    /// returns how many messages this call sent. A failed send throws (after the ones before it went out), so the retry
    /// sends only what is still unsent.</summary>
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
            // The MessageSid slot of a reply's claim: one claim per (appointment, kind, professional).
            var parts = await delivery.DeliverAsync($"notice-{appointmentId}-{kind}-{notice.ProfessionalId}", from, notice.To, [notice.Text], ct);
            LogSent(kind, appointmentId, businessId, notice.ProfessionalId, parts);
            sent += parts;
        }
        return JsonActivityCalls.Write(sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice of {Kind} appointment {AppointmentId} in {BusinessId} to professional {ProfessionalId}: {Parts} part(s) sent")]
    private partial void LogSent(string kind, string appointmentId, string businessId, string professionalId, int parts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notices of {Kind} appointment {AppointmentId} in {BusinessId} not sent: it is {Why}")]
    private partial void LogSkipped(string kind, string appointmentId, string businessId, string why);
}
