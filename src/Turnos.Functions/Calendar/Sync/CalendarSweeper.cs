namespace Turnos.Functions.Calendar;

/// <summary>
/// Runs due calendar work from the outbox; one of the sweeper's jobs (<c>Sweeping/</c>). Each outbox row is
/// claimed first, so several instances share the work.
/// </summary>
public sealed partial class CalendarSweeper(CalendarOutbox outbox, CalendarSync sync, ILogger<CalendarSweeper> logger)
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
        return items.Count;
    }

    internal static Task SettleAsync(CalendarOutbox outbox, OutboxItem item, CalendarCallResult result, CancellationToken ct) =>
        result.Outcome switch
        {
            CalendarCallOutcome.Done or CalendarCallOutcome.NotConnected => outbox.CompleteAsync(item, ct),
            CalendarCallOutcome.Transient => outbox.RetryAsync(item, result.Error ?? "transient", permanent: false, ct),
            _ => outbox.RetryAsync(item, result.Error ?? "failed", permanent: true, ct),
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar sweeper worked on {Count} outbox rows")]
    private partial void LogSwept(int count);
}
