namespace Turnos.Functions.Calendar;

/// <summary>
/// How booking tells the calendar: <see cref="PrepareAsync"/> records the work durably before the
/// appointment changes; <see cref="PushAsync"/> then tries it at once within a short budget, so the
/// customer's confirmation never waits long for Google. What does not finish is left to the sweeper.
/// </summary>
public sealed partial class AppointmentSync(CalendarOutbox outbox, CalendarSync sync, TimeProvider time, ILogger<AppointmentSync> logger)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public Task PrepareAsync(string businessId, string appointmentId, CancellationToken ct) =>
        outbox.EnqueueAsync(businessId, appointmentId, ct);

    public async Task PushAsync(string businessId, string appointmentId, CancellationToken ct)
    {
        var queued = time.GetUtcNow();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Budget);
        try
        {
            var claimed = await outbox.ClaimAsync(businessId, appointmentId, budget.Token);
            if (claimed is null) return; // a sweeper has it
            var result = await sync.SyncAsync(businessId, appointmentId, queued, budget.Token);
            await CalendarSweeper.SettleAsync(outbox, claimed, result, ct);
        }
        catch (Exception e) when (e is OperationCanceledException && !ct.IsCancellationRequested || e is not OperationCanceledException)
        {
            // The row is still in the outbox (leased for a short while); the sweeper finishes the job.
            LogDeferred(businessId, appointmentId, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar update for appointment {AppointmentId} in {BusinessId} left to the sweeper ({Reason})")]
    private partial void LogDeferred(string businessId, string appointmentId, string reason);
}
