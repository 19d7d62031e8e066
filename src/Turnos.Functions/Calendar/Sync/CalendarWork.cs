using Microsoft.DurableTask.Client;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Calendar;

/// <summary>One appointment's calendar work: ids only, since everything an orchestration is given stays in its history.</summary>
public sealed record CalendarWork(string BusinessId, string AppointmentId)
{
    private const string Prefix = "calendar:";

    /// <summary>One orchestration instance per appointment, so a second start while one runs is a no-op.</summary>
    public string InstanceId => $"{Prefix}{BusinessId}:{AppointmentId}";

    /// <summary>The work an instance id names (instances are started without input and know themselves this way).</summary>
    public static CalendarWork FromInstanceId(string instanceId)
    {
        var (first, second) = DurableStarts.SplitInstanceId(Prefix, instanceId, "a calendar");
        return new CalendarWork(first, second);
    }
}

/// <summary>
/// Starts an appointment's calendar orchestration once its change is committed. The client comes from the calling
/// function's <c>[DurableClient]</c> parameter, the only place the isolated worker offers one. Never fails its caller:
/// the appointment stands whatever happens here, and <see cref="CalendarReconciliation"/> starts what was missed.
/// </summary>
public sealed partial class CalendarStarter(ILogger<CalendarStarter> logger)
{
    public async Task StartAsync(DurableTaskClient client, string businessId, string appointmentId, CancellationToken ct)
    {
        try
        {
            // A running instance is left alone: it reads the intent again before settling, so it sees this change too.
            await client.StartUnlessLiveAsync(CalendarSyncOrchestrator.Name, new CalendarWork(businessId, appointmentId).InstanceId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotStarted(e, businessId, appointmentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar work for appointment {AppointmentId} in {BusinessId} not started; the reconciliation will")]
    private partial void LogNotStarted(Exception exception, string businessId, string appointmentId);
}
