using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Turnos.Functions.Reminders;

/// <summary>One appointment's reminders: ids only, since everything an orchestration is given stays in its history.</summary>
public sealed record ReminderWork(string BusinessId, string AppointmentId)
{
    private const string Prefix = "reminders:";

    /// <summary>One orchestration instance per appointment: a second start while it waits is a no-op.</summary>
    public string InstanceId => $"{Prefix}{BusinessId}:{AppointmentId}";

    public static ReminderWork FromInstanceId(string instanceId)
    {
        var separator = instanceId.LastIndexOf(':');
        if (!instanceId.StartsWith(Prefix, StringComparison.Ordinal) || separator <= Prefix.Length)
            throw new ArgumentException($"'{instanceId}' is not a reminders instance id.", nameof(instanceId));
        return new ReminderWork(instanceId[Prefix.Length..separator], instanceId[(separator + 1)..]);
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
    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task StartAsync(DurableTaskClient client, string businessId, string appointmentId, CancellationToken ct)
    {
        var work = new ReminderWork(businessId, appointmentId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(ReminderOrchestrator.Name,
                new StartOrchestrationOptions(work.InstanceId) { DedupeStatuses = [.. Live.Select(s => s.ToString())] }, ct);
        }
        catch (Exception e) when (e is OrchestrationAlreadyExistsException or RpcException { StatusCode: StatusCode.AlreadyExists or StatusCode.FailedPrecondition })
        {
            // Waiting already: it checks the appointment again before each reminder.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotStarted(e, businessId, appointmentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders for appointment {AppointmentId} in {BusinessId} not started")]
    private partial void LogNotStarted(Exception exception, string businessId, string appointmentId);
}
