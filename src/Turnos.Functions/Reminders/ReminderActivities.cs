using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Observability;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.Reminders;

/// <summary>The reminders' I/O, as activities taking and returning JSON text (see <see cref="JsonActivityCalls"/>);
/// both are safe to run again.</summary>
public sealed partial class ReminderActivities(
    AppointmentStore appointments, CustomerStore customers, CatalogStore catalog, ConversationStore conversations, ReplyDelivery delivery,
    ReminderLog log, TurnosMetrics metrics, TimeProvider time, ILogger<ReminderActivities> logger)
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

    /// <summary>Sends one reminder if the appointment still stands as planned; each (appointment, offset) at most once.
    /// Records what became of it; a refusal (63016 outside the 24-hour window) is final, a Twilio outage throws to be retried.</summary>
    [Function(Send)]
    public async Task<string> SendAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var request = JsonActivityCalls.Read<ReminderSend>(input);
        var (businessId, appointmentId, minutes) = (request.Work.BusinessId, request.Work.AppointmentId, request.MinutesBefore);
        var due = request.StartUtc.AddMinutes(-minutes);
        var found = await appointments.GetAsync(businessId, appointmentId, ct);
        var snapshot = await catalog.GetSnapshotAsync(businessId, ct);
        var skipped = found switch
        {
            null => "gone",
            ({ Status: not AppointmentStatus.Booked } a, _) => a.Status.ToString().ToLowerInvariant(),
            var (a, _) when a.StartUtc != request.StartUtc => "moved",
            var (a, _) when a.StartUtc <= time.GetUtcNow() => "started",
            // Booked through the chat API or the web widget: the customer's address is that channel's, not a phone.
            var (a, _) when !a.Customer.Phone.StartsWith('+') => "not_whatsapp",
            _ when snapshot?.Business.WhatsAppNumbers is not [_, ..] => "no_number",
            _ => null,
        };
        if (skipped is not null)
        {
            LogSkipped(appointmentId, businessId, minutes, skipped);
            metrics.Reminder("skipped", skipped);
            if (found is not null) await log.RecordAsync(businessId, appointmentId, new(minutes, due, ReminderState.Skipped, time.GetUtcNow(), skipped), ct);
            return JsonActivityCalls.Write(false);
        }
        var appointment = found!.Value.Appointment;
        var message = await MessageAsync(appointment, snapshot!, $"reminder-{appointmentId}-{minutes}", ct);
        DeliveryOutcome outcome;
        try
        {
            outcome = await delivery.SendOnceAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Recorded as failed for now; the activity's retry overwrites it when it gets through.
            metrics.Reminder("failed", "unavailable");
            await log.RecordAsync(businessId, appointmentId, new(minutes, due, ReminderState.Failed, time.GetUtcNow(), "Twilio did not answer; retrying"), ct);
            throw;
        }
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case { State: DeliveryState.Sent, ProviderSid: var sid }:
                metrics.Reminder("sent", null);
                var record = new ReminderRecord(minutes, due, ReminderState.Sent, now, ProviderSid: sid);
                await log.RecordAsync(businessId, appointmentId, record, ct);
                await log.TrackAsync(sid!, businessId, appointmentId, record, ct);
                await customers.RecordReminderAsync(businessId, appointment.Customer.Phone, appointmentId, now, ct);
                break;
            case { State: DeliveryState.Refused, RefusedCode: var code, Detail: var why }:
                metrics.Reminder("failed", code == MessageRefusedException.OutsideWindow ? "outside_window" : "refused");
                await log.RecordAsync(businessId, appointmentId, new(minutes, due, ReminderState.Failed, now, why, code), ct);
                break;
        }
        LogOutcome(appointmentId, businessId, minutes, outcome.State);
        return JsonActivityCalls.Write(outcome.State == DeliveryState.Sent);
    }

    /// <summary>The business's approved template when it has one (outside the 24-hour window WhatsApp refuses free text),
    /// else the text; the text is also what the local simulator shows.</summary>
    private async Task<OutboundReply> MessageAsync(Appointment appointment, BusinessSnapshot snapshot, string claimId, CancellationToken ct)
    {
        var language = await LanguageAsync(snapshot.Business, appointment.Customer.Phone, ct);
        var text = ReminderText.For(appointment, snapshot, language);
        var message = new OutboundReply(claimId, 0, snapshot.Business.WhatsAppNumbers[0], appointment.Customer.Phone, text, TrackStatus: true);
        return snapshot.Business.Templates.Reminder is { } template
            ? message with { ContentSid = template.ContentSid, ContentVariables = JsonSerializer.Serialize(ReminderTemplate.Values(appointment, snapshot, language, template)) }
            : message;
    }

    // The language the customer last wrote in, when the business speaks it; else the business's own.
    private async Task<Language> LanguageAsync(Business business, string phone, CancellationToken ct)
    {
        var (state, _) = await conversations.LoadAsync(business.Id, phone, ct);
        return state.Language is { } spoken && business.Languages.Contains(spoken) ? spoken : business.Languages[0];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {MinutesBefore} min before appointment {AppointmentId} in {BusinessId}: {Outcome}")]
    private partial void LogOutcome(string appointmentId, string businessId, int minutesBefore, DeliveryState outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {MinutesBefore} min before appointment {AppointmentId} in {BusinessId} not sent: it is {Why}")]
    private partial void LogSkipped(string appointmentId, string businessId, int minutesBefore, string why);
}
