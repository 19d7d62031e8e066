using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Calendar;

/// <summary>An appointment whose calendar event must be brought up to date.</summary>
public sealed record OutboxItem(string BusinessId, string AppointmentId, int Attempts, DateTimeOffset CreatedUtc, ETag ETag);

/// <summary>
/// Durable calendar work, one row per appointment (partition "calendar"), written before the appointment
/// changes so a crash in between cannot lose it. Rows are claimed with their ETag, so two sweepers never
/// work on the same row at once; the work itself reads the appointment's current state, so doing it twice
/// is harmless anyway.
/// </summary>
public sealed class CalendarOutbox(TurnosTables tables, TimeProvider time)
{
    private const string Partition = "calendar";
    public const int MaxAttempts = 12;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Due now, unless told otherwise. Re-enqueueing resets the attempts.</summary>
    public async Task EnqueueAsync(string businessId, string appointmentId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await tables.Outbox.TryUpsertAsync(Row(businessId, appointmentId, attempts: 0, due: now, state: "pending", error: null, now), ct: ct);
    }

    /// <summary>Takes up to <paramref name="max"/> due rows for this worker.</summary>
    public async Task<List<OutboxItem>> ClaimDueAsync(int max, CancellationToken ct)
    {
        var claimed = new List<OutboxItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and State eq {"pending"} and DueUtc le {time.GetUtcNow()}");
        await foreach (var row in tables.Outbox.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (claimed.Count >= max) break;
            if (await LeaseAsync(row, ct) is { } item) claimed.Add(item);
        }
        return claimed;
    }

    /// <summary>Takes one appointment's row if it is pending and nobody holds it.</summary>
    public async Task<OutboxItem?> ClaimAsync(string businessId, string appointmentId, CancellationToken ct)
    {
        var row = await tables.Outbox.FindAsync(Partition, Key(businessId, appointmentId), ct: ct);
        return row is not null && row.GetString("State") == "pending" && row.GetDateTimeOffset("DueUtc") <= time.GetUtcNow()
            ? await LeaseAsync(row, ct)
            : null;
    }

    // Pushing the due time past the lease hides the row from other workers; if this one dies, it comes back.
    private async Task<OutboxItem?> LeaseAsync(TableEntity row, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var attempts = row.GetInt32("Attempts") ?? 0;
        var created = row.GetDateTimeOffset("CreatedUtc") ?? now;
        var lease = Row(row.GetString("BusinessId")!, row.GetString("AppointmentId")!, attempts, now + Lease, "pending", row.GetString("LastError"), created);
        var result = await tables.Outbox.TryUpdateAsync(lease, row.ETag, ct: ct);
        return result.IsSuccess ? new OutboxItem(lease.GetString("BusinessId")!, lease.GetString("AppointmentId")!, attempts, created, result.ETag!.Value) : null;
    }

    /// <summary>Done: the row goes, unless it was enqueued again meanwhile (then it runs again).</summary>
    public Task CompleteAsync(OutboxItem item, CancellationToken ct) =>
        tables.Outbox.TryDeleteAsync(Partition, Key(item.BusinessId, item.AppointmentId), item.ETag, ct);

    /// <summary>Tries again later, doubling the wait (1 min … 2 h); after <see cref="MaxAttempts"/> it is failed
    /// for good and left for the admin to see.</summary>
    public async Task RetryAsync(OutboxItem item, string error, bool permanent, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var attempts = item.Attempts + 1;
        var failed = permanent || attempts >= MaxAttempts;
        var wait = TimeSpan.FromMinutes(Math.Min(120, Math.Pow(2, attempts - 1)));
        await tables.Outbox.TryUpdateAsync(Row(item.BusinessId, item.AppointmentId, attempts, now + wait, failed ? "failed" : "pending", error, item.CreatedUtc), item.ETag, ct: ct);
    }

    /// <summary>Calendar work that failed for good, for the admin.</summary>
    public async Task<List<(string AppointmentId, string? Error)>> ListFailedAsync(string businessId, CancellationToken ct)
    {
        var failed = new List<(string, string?)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and State eq {"failed"} and BusinessId eq {businessId}");
        await foreach (var row in tables.Outbox.QueryAsync<TableEntity>(filter, cancellationToken: ct)) failed.Add((row.GetString("AppointmentId")!, row.GetString("LastError")));
        return failed;
    }

    private static TableEntity Row(string businessId, string appointmentId, int attempts, DateTimeOffset due, string state, string? error, DateTimeOffset created) =>
        new(Partition, Key(businessId, appointmentId))
        {
            ["BusinessId"] = businessId,
            ["AppointmentId"] = appointmentId,
            ["Attempts"] = attempts,
            ["DueUtc"] = due,
            ["State"] = state,
            ["LastError"] = error,
            ["CreatedUtc"] = created,
        };

    private static string Key(string businessId, string appointmentId) => $"{businessId}|{appointmentId}";
}
