using Microsoft.DurableTask.Client;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Reminders;

/// <summary>One appointment's reminders: ids only, since everything an orchestration is given stays in its history.</summary>
public sealed record ReminderWork(string BusinessId, string AppointmentId)
{
    private const string Prefix = "reminders:";

    /// <summary>One orchestration instance per appointment: a second start while it waits is a no-op.</summary>
    public string InstanceId => $"{Prefix}{BusinessId}:{AppointmentId}";

    public static ReminderWork FromInstanceId(string instanceId)
    {
        var (first, second) = DurableStarts.SplitInstanceId(Prefix, instanceId, "a reminders");
        return new ReminderWork(first, second);
    }
}

/// <summary>When each reminder is due, as a wait from when the plan was made (so the orchestration's own clock, which
/// replays, times it), and the start the plan was made for.</summary>
public sealed record ReminderSchedule(DateTimeOffset StartUtc, IReadOnlyList<PlannedReminder> Reminders)
{
    public static readonly ReminderSchedule None = new(DateTimeOffset.MinValue, []);
}

public sealed record PlannedReminder(int MinutesBefore, TimeSpan Wait);

public sealed record ReminderSend(ReminderWork Work, DateTimeOffset StartUtc, int MinutesBefore);

/// <summary>
/// Starts an appointment's reminders once a change to it is committed (booked, moved: the replacement is another
/// appointment; cancelled: its reminders find it cancelled when due and send nothing). Never fails its caller.
/// </summary>
public sealed partial class ReminderStarter(ILogger<ReminderStarter> logger)
{
    public async Task StartAsync(DurableTaskClient client, string businessId, string appointmentId, CancellationToken ct)
    {
        try
        {
            // A waiting instance is left alone: it checks the appointment again before each reminder.
            await client.StartUnlessLiveAsync(ReminderOrchestrator.Name, new ReminderWork(businessId, appointmentId).InstanceId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotStarted(e, businessId, appointmentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders for appointment {AppointmentId} in {BusinessId} not started")]
    private partial void LogNotStarted(Exception exception, string businessId, string appointmentId);
}
