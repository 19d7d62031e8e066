using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Calendar;

/// <summary>
/// Brings one appointment's Google Calendar event in line with the appointment: sync (Google, retried with back-off
/// while Google is down), then settle the outbox row — gone when done, listed as failed when Google refused or the
/// retries ran out. If the appointment changed while it worked (the row was written again), it runs once more, as a
/// new generation so its history stays short. Instance id: <see cref="CalendarWork.InstanceId"/>.
/// </summary>
public sealed class CalendarSyncOrchestrator(IOptions<CalendarSyncOptions> options)
{
    public const string Name = "CalendarUpdate";

    private readonly TaskOptions _google = TaskOptions.FromRetryPolicy(new RetryPolicy(options.Value.SyncAttempts,
        TimeSpan.FromSeconds(options.Value.SyncFirstRetrySeconds), backoffCoefficient: 2, maxRetryInterval: CalendarSyncOptions.MaxRetryWait));

    // Settling only touches Table Storage: a few quick tries; if they all fail, the instance fails and the
    // reconciliation starts it again.
    private static readonly TaskOptions Storage = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    [Function(Name)]
    public async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var work = CalendarWork.FromInstanceId(context.InstanceId);
        CalendarSettlement settlement;
        try
        {
            var synced = await context.CallJsonActivityAsync<CalendarSynced>(CalendarSyncActivities.Sync, work, _google);
            settlement = new CalendarSettlement(work, synced.ETag, synced.Refused ? CalendarSettle.Refused : CalendarSettle.Done);
        }
        catch (TaskFailedException)
        {
            settlement = new CalendarSettlement(work, null, CalendarSettle.GaveUp);
        }
        if (await context.CallJsonActivityAsync<bool>(CalendarSyncActivities.Settle, settlement, Storage))
            context.ContinueAsNew(null, preserveUnprocessedEvents: false);
    }
}

/// <summary>What a sync did: the outbox row's ETag as it found it (null: no row, nothing to do), and whether Google
/// refused the change for good.</summary>
public sealed record CalendarSynced(string? ETag, bool Refused);

public enum CalendarSettle { Done, Refused, GaveUp }

public sealed record CalendarSettlement(CalendarWork Work, string? ETag, CalendarSettle Outcome);
