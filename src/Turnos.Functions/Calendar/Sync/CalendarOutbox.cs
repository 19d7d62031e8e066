using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Calendar;

/// <summary>An appointment whose calendar event must be brought up to date.</summary>
/// <param name="Ready">False while the change it announces is being made: only then may it be settled.</param>
public sealed record CalendarIntent(string BusinessId, string AppointmentId, bool Ready, bool Failed, DateTimeOffset RequestedUtc,
    string? LastError, ETag ETag);

/// <summary>
/// Calendar work still to do, one row per appointment (partition "calendar"). Booking writes it (not ready) before
/// the appointment changes and marks it ready after, so a process that dies anywhere in between leaves it behind for
/// <see cref="CalendarReconciliation"/>. Rows are settled by the calendar orchestration with the ETag it synced from:
/// a row written again meanwhile announces a newer change, and stays.
/// </summary>
public sealed class CalendarOutbox(TurnosTables tables, TimeProvider time)
{
    private const string Partition = "calendar";
    private const string Pending = "pending", FailedState = "failed";

    /// <summary>Before the appointment changes. Writing it again resets an earlier failure.</summary>
    public async Task PrepareAsync(string businessId, string appointmentId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await tables.Outbox.TryUpsertAsync(new TableEntity(Partition, Key(businessId, appointmentId))
        {
            ["BusinessId"] = businessId,
            ["AppointmentId"] = appointmentId,
            ["State"] = Pending,
            ["Ready"] = false,
            ["RequestedUtc"] = now,
            ["UpdatedUtc"] = now,
        }, ct: ct);
    }

    /// <summary>After the appointment changed: the orchestration may now settle the row.</summary>
    public async Task ReadyAsync(string businessId, string appointmentId, CancellationToken ct) =>
        await tables.Outbox.TryUpsertAsync(Ready(businessId, appointmentId), TableUpdateMode.Merge, ct);

    /// <summary>Marks ready a row whose maker went quiet; false if it changed meanwhile.</summary>
    public async Task<bool> AdoptAsync(CalendarIntent intent, CancellationToken ct) =>
        (await tables.Outbox.TryUpdateAsync(Ready(intent.BusinessId, intent.AppointmentId), intent.ETag, TableUpdateMode.Merge, ct)).IsSuccess;

    public async Task<CalendarIntent?> FindAsync(string businessId, string appointmentId, CancellationToken ct) =>
        await tables.Outbox.FindAsync(Partition, Key(businessId, appointmentId), ct: ct) is { } row ? Read(row) : null;

    /// <summary>Keeps Google's answer on the row for the status; the new ETag, or null if the row changed meanwhile.</summary>
    public async Task<ETag?> RecordErrorAsync(CalendarIntent intent, string? error, CancellationToken ct) =>
        (await tables.Outbox.TryUpdateAsync(new TableEntity(Partition, Key(intent.BusinessId, intent.AppointmentId)) { ["LastError"] = error },
            intent.ETag, TableUpdateMode.Merge, ct)).ETag;

    /// <summary>Done: the row goes. False if it was written again meanwhile (a newer change to sync).</summary>
    public async Task<bool> CompleteAsync(CalendarIntent intent, CancellationToken ct) =>
        (await tables.Outbox.TryDeleteAsync(Partition, Key(intent.BusinessId, intent.AppointmentId), intent.ETag, ct)).Outcome
            is TableOutcome.Success or TableOutcome.NotFound;

    /// <summary>Failed for good: kept for the admin until the appointment changes again. False if it changed meanwhile.</summary>
    public async Task<bool> FailAsync(CalendarIntent intent, string fallbackError, CancellationToken ct) =>
        (await tables.Outbox.TryUpdateAsync(new TableEntity(Partition, Key(intent.BusinessId, intent.AppointmentId))
        {
            ["State"] = FailedState,
            ["LastError"] = intent.LastError ?? fallbackError,
            ["UpdatedUtc"] = time.GetUtcNow(),
        }, intent.ETag, TableUpdateMode.Merge, ct)).IsSuccess;

    /// <summary>Pending rows last written before <paramref name="beforeUtc"/>, for the reconciliation.</summary>
    public async Task<List<CalendarIntent>> ListPendingAsync(DateTimeOffset beforeUtc, int max, CancellationToken ct)
    {
        var found = new List<CalendarIntent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and State eq {Pending} and UpdatedUtc le {beforeUtc}");
        await foreach (var row in tables.Outbox.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (found.Count >= max) break;
            found.Add(Read(row));
        }
        return found;
    }

    /// <summary>Calendar work that failed for good, for the admin.</summary>
    public async Task<List<(string AppointmentId, string? Error)>> ListFailedAsync(string businessId, CancellationToken ct)
    {
        var failed = new List<(string, string?)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and State eq {FailedState} and BusinessId eq {businessId}");
        await foreach (var row in tables.Outbox.QueryAsync<TableEntity>(filter, cancellationToken: ct)) failed.Add((row.GetString("AppointmentId")!, row.GetString("LastError")));
        return failed;
    }

    private TableEntity Ready(string businessId, string appointmentId) => new(Partition, Key(businessId, appointmentId))
    {
        ["BusinessId"] = businessId,
        ["AppointmentId"] = appointmentId,
        ["State"] = Pending,
        ["Ready"] = true,
        ["UpdatedUtc"] = time.GetUtcNow(),
    };

    // A row recreated by ReadyAsync after it was settled has no RequestedUtc; its last write stands in.
    private static CalendarIntent Read(TableEntity row) => new(row.GetString("BusinessId")!, row.GetString("AppointmentId")!,
        row.GetBoolean("Ready") == true, row.GetString("State") == FailedState,
        row.GetDateTimeOffset("RequestedUtc") ?? row.GetDateTimeOffset("UpdatedUtc") ?? DateTimeOffset.MinValue, row.GetString("LastError"), row.ETag);

    private static string Key(string businessId, string appointmentId) => $"{businessId}|{appointmentId}";
}
