using Microsoft.Azure.Functions.Worker;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.Reminders;

/// <summary>The reminders' I/O, as activities taking and returning JSON text (see <see cref="JsonActivityCalls"/>);
/// both are safe to run again.</summary>
public sealed partial class ReminderActivities(
    AppointmentStore appointments, CatalogStore catalog, ConversationStore conversations, ReplyDelivery delivery, TimeProvider time,
    ILogger<ReminderActivities> logger)
{
    public const string Plan = "ReminderPlan";
    public const string Send = "ReminderSend";

    /// <summary>The reminders still ahead for a booked appointment, none for any other.</summary>
    [Function(Plan)]
    public async Task<string> PlanAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var work = JsonActivityCalls.Read<ReminderWork>(input);
        var found = await appointments.GetAsync(work.BusinessId, work.AppointmentId, ct);
        var snapshot = await catalog.GetSnapshotAsync(work.BusinessId, ct);
        if (found is not ({ Status: AppointmentStatus.Booked } appointment, _) || snapshot is null)
            return JsonActivityCalls.Write(ReminderSchedule.None);
        var now = time.GetUtcNow();
        var due = ReminderPlan.For(appointment.StartUtc, snapshot.Business.Policy.RemindersMinutesBefore, now);
        return JsonActivityCalls.Write(new ReminderSchedule(appointment.StartUtc, [.. due.Select(d => new PlannedReminder(d.MinutesBefore, d.DueUtc - now))]));
    }

    /// <summary>Sends one reminder if the appointment still stands as planned; each (appointment, offset) at most once.</summary>
    [Function(Send)]
    public async Task<string> SendAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var request = JsonActivityCalls.Read<ReminderSend>(input);
        var (businessId, appointmentId) = (request.Work.BusinessId, request.Work.AppointmentId);
        var found = await appointments.GetAsync(businessId, appointmentId, ct);
        var snapshot = await catalog.GetSnapshotAsync(businessId, ct);
        var skipped = found switch
        {
            null => "gone",
            ({ Status: not AppointmentStatus.Booked } a, _) => a.Status.ToString().ToLowerInvariant(),
            var (a, _) when a.StartUtc != request.StartUtc => "moved",
            var (a, _) when a.StartUtc <= time.GetUtcNow() => "started",
            _ when snapshot?.Business.WhatsAppNumbers is not [_, ..] => "without a WhatsApp number",
            _ => null,
        };
        if (skipped is not null)
        {
            LogSkipped(appointmentId, businessId, request.MinutesBefore, skipped);
            return JsonActivityCalls.Write(false);
        }
        var appointment = found!.Value.Appointment;
        var text = ReminderText.For(appointment, snapshot!, await LanguageAsync(snapshot!.Business, appointment.Customer.Phone, ct));
        // The MessageSid slot of a reply's claim: one claim per (appointment, offset), so a retry sends nothing twice.
        var sent = await delivery.DeliverAsync($"reminder-{appointmentId}-{request.MinutesBefore}", snapshot.Business.WhatsAppNumbers[0],
            appointment.Customer.Phone, [text], ct);
        LogSent(appointmentId, businessId, request.MinutesBefore, sent);
        return JsonActivityCalls.Write(sent > 0);
    }

    // The language the customer last wrote in, when the business speaks it; else the business's own.
    private async Task<Language> LanguageAsync(Business business, string phone, CancellationToken ct)
    {
        var (state, _) = await conversations.LoadAsync(business.Id, phone, ct);
        return state.Language is { } spoken && business.Languages.Contains(spoken) ? spoken : business.Languages[0];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {MinutesBefore} min before appointment {AppointmentId} in {BusinessId}: {Parts} part(s) sent")]
    private partial void LogSent(string appointmentId, string businessId, int minutesBefore, int parts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {MinutesBefore} min before appointment {AppointmentId} in {BusinessId} not sent: it is {Why}")]
    private partial void LogSkipped(string appointmentId, string businessId, int minutesBefore, string why);
}
