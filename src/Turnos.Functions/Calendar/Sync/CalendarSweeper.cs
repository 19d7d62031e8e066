using Microsoft.Extensions.Options;

using Turnos.Functions.Calendar.GoogleApi;

namespace Turnos.Functions.Calendar;

public sealed class CalendarSyncOptions
{
    public const string Section = "Calendar";

    /// <summary>How often the sweeper looks for due calendar work.</summary>
    [System.ComponentModel.DataAnnotations.Range(5, 3600, ErrorMessage = "Calendar:SweepSeconds must be between 5 and 3600.")]
    public int SweepSeconds { get; set; } = 60;
}

/// <summary>
/// Runs due calendar work from the outbox (locally every minute; in Azure a timer function calls
/// <see cref="SweepOnceAsync"/>) and removes expired calendar-connect links. Each outbox row is claimed
/// first, so several instances share the work.
/// </summary>
public sealed partial class CalendarSweeper(
    CalendarOutbox outbox, CalendarSync sync, ConnectStates connectLinks, IOptions<CalendarSyncOptions> options, TimeProvider time,
    ILogger<CalendarSweeper> logger) : BackgroundService
{
    private const int BatchSize = 50;

    /// <summary>Runs what is due now; returns how many rows it worked on.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var items = await outbox.ClaimDueAsync(BatchSize, ct);
        foreach (var item in items)
        {
            CalendarCallResult result;
            try
            {
                result = await sync.SyncAsync(item.BusinessId, item.AppointmentId, item.CreatedUtc, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                result = new CalendarCallResult(CalendarCallOutcome.Transient, e.GetType().Name);
            }
            await SettleAsync(outbox, item, result, ct);
        }
        if (items.Count > 0) LogSwept(items.Count);
        await connectLinks.PurgeExpiredAsync(ct);
        return items.Count;
    }

    internal static Task SettleAsync(CalendarOutbox outbox, OutboxItem item, CalendarCallResult result, CancellationToken ct) =>
        result.Outcome switch
        {
            CalendarCallOutcome.Done or CalendarCallOutcome.NotConnected => outbox.CompleteAsync(item, ct),
            CalendarCallOutcome.Transient => outbox.RetryAsync(item, result.Error ?? "transient", permanent: false, ct),
            _ => outbox.RetryAsync(item, result.Error ?? "failed", permanent: true, ct),
        };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar sweeper worked on {Count} outbox rows")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calendar sweep failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
