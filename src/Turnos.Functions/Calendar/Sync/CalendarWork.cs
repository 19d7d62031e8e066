using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

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
        var separator = instanceId.LastIndexOf(':');
        if (!instanceId.StartsWith(Prefix, StringComparison.Ordinal) || separator <= Prefix.Length)
            throw new ArgumentException($"'{instanceId}' is not a calendar instance id.", nameof(instanceId));
        return new CalendarWork(instanceId[Prefix.Length..separator], instanceId[(separator + 1)..]);
    }
}

/// <summary>
/// Starts an appointment's calendar orchestration once its change is committed. The client comes from the calling
/// function's <c>[DurableClient]</c> parameter, the only place the isolated worker offers one. Never fails its caller:
/// the appointment stands whatever happens here, and <see cref="CalendarReconciliation"/> starts what was missed.
/// </summary>
public sealed partial class CalendarStarter(ILogger<CalendarStarter> logger)
{
    internal static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task StartAsync(DurableTaskClient client, string businessId, string appointmentId, CancellationToken ct)
    {
        var work = new CalendarWork(businessId, appointmentId);
        try
        {
            // A running instance is left alone: it reads the intent again before settling, so it sees this change too.
            await client.ScheduleNewOrchestrationInstanceAsync(CalendarSyncOrchestrator.Name,
                new StartOrchestrationOptions(work.InstanceId) { DedupeStatuses = [.. Live.Select(s => s.ToString())] }, ct);
        }
        catch (Exception e) when (e is OrchestrationAlreadyExistsException or RpcException { StatusCode: StatusCode.AlreadyExists or StatusCode.FailedPrecondition })
        {
            // Running already: fine.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotStarted(e, businessId, appointmentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar work for appointment {AppointmentId} in {BusinessId} not started; the reconciliation will")]
    private partial void LogNotStarted(Exception exception, string businessId, string appointmentId);
}
