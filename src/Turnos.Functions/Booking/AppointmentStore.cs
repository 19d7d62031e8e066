using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Turnos.Core;
using Turnos.Core.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Booking;

/// <summary>An idempotency key's claim: who booked (or is booking) under it.</summary>
public sealed record Claim(string AppointmentId, bool Completed, DateTimeOffset ClaimedUtc, ETag ETag);

/// <summary>
/// The appointments table, one partition per business: appointments ("a|id"), booking codes ("c|code"),
/// idempotency claims ("k|hash") and customers ("u|phone"). Keeping them in one partition lets an
/// appointment, its code and its claim be committed in one transaction.
/// </summary>
public sealed class AppointmentStore(TurnosTables tables)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public enum CommitOutcome { Committed, CodeTaken, ClaimLost, ReplacedChanged }

    public async Task<(Appointment Appointment, ETag ETag)?> GetAsync(string businessId, string appointmentId, CancellationToken ct)
    {
        var row = await tables.Appointments.FindAsync(businessId, "a|" + appointmentId, ct: ct);
        return row is null ? null : (Read(row), row.ETag);
    }

    public async Task<Appointment?> FindByCodeAsync(string businessId, string code, CancellationToken ct)
    {
        var row = await tables.Appointments.FindAsync(businessId, "c|" + BookingCode.Normalize(code), ct: ct);
        return row?.GetString("AppointmentId") is { } id ? (await GetAsync(businessId, id, ct))?.Appointment : null;
    }

    /// <summary>Claims a key for an appointment id, or returns the existing claim.</summary>
    public async Task<(bool Claimed, Claim Claim)> ClaimAsync(string businessId, string key, string appointmentId, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var entity = ClaimRow(businessId, key, appointmentId, completed: false, nowUtc);
        var inserted = await tables.Appointments.TryAddAsync(entity, ct);
        if (inserted.IsSuccess) return (true, new Claim(appointmentId, false, nowUtc, inserted.ETag!.Value));
        var existing = await GetClaimAsync(businessId, key, ct);
        if (existing is null) return await ClaimAsync(businessId, key, appointmentId, nowUtc, ct); // released meanwhile
        // Our own insert, retried after a lost response, finds the claim it made.
        return (existing.AppointmentId == appointmentId && !existing.Completed, existing);
    }

    public async Task<Claim?> GetClaimAsync(string businessId, string key, CancellationToken ct)
    {
        var row = await tables.Appointments.FindAsync(businessId, ClaimKey(key), ct: ct);
        return row is null ? null : new Claim(row.GetString("AppointmentId")!, row.GetBoolean("Completed") == true,
            row.GetDateTimeOffset("ClaimedUtc")!.Value, row.ETag);
    }

    /// <summary>Takes over a stale claim (its process died); false if someone else changed it first.</summary>
    public async Task<Claim?> TakeOverClaimAsync(string businessId, string key, Claim stale, string appointmentId, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var result = await tables.Appointments.TryUpdateAsync(ClaimRow(businessId, key, appointmentId, false, nowUtc), stale.ETag, ct: ct);
        return result.IsSuccess ? new Claim(appointmentId, false, nowUtc, result.ETag!.Value) : null;
    }

    public Task ReleaseClaimAsync(string businessId, string key, Claim claim, CancellationToken ct) =>
        tables.Appointments.TryDeleteAsync(businessId, ClaimKey(key), claim.ETag, ct);

    /// <summary>
    /// Commits a new appointment with its code, completes its claim and (for a reschedule) updates the
    /// appointment it replaces — all or nothing.
    /// </summary>
    public async Task<CommitOutcome> CommitAsync(Appointment appointment, Claim? claim, (Appointment Old, ETag ETag)? replaced, CancellationToken ct)
    {
        var b = appointment.BusinessId;
        var ops = new List<TableTransactionAction>
        {
            TableActions.Add(Row(appointment)),
            TableActions.Add(new TableEntity(b, "c|" + appointment.Code) { ["AppointmentId"] = appointment.Id }),
        };
        if (claim is not null)
            ops.Add(TableActions.Replace(ClaimRow(b, appointment.IdempotencyKey!, appointment.Id, true, appointment.CreatedUtc), claim.ETag));
        if (replaced is { } r) ops.Add(TableActions.Replace(Row(r.Old), r.ETag));
        var result = await tables.Appointments.TrySubmitAsync(ops, ct);
        return result.Outcome switch
        {
            TableOutcome.Success => CommitOutcome.Committed,
            // Ids are fresh, so only a retried batch whose first attempt committed can meet this one.
            TableOutcome.Conflict when result.FailedIndex is 0 => CommitOutcome.Committed,
            TableOutcome.Conflict => CommitOutcome.CodeTaken,
            TableOutcome.PreconditionFailed or TableOutcome.NotFound when claim is not null && result.FailedIndex == 2 => CommitOutcome.ClaimLost,
            TableOutcome.PreconditionFailed or TableOutcome.NotFound => CommitOutcome.ReplacedChanged,
            _ => throw new InvalidOperationException($"Committing an appointment failed: {result.Outcome}."),
        };
    }

    public async Task<bool> TryUpdateAsync(Appointment appointment, ETag etag, CancellationToken ct) =>
        (await tables.Appointments.TryUpdateAsync(Row(appointment), etag, ct: ct)).IsSuccess;

    /// <summary>Appointments whose start falls in [fromUtc, toUtc).</summary>
    public async Task<List<Appointment>> ListAsync(string businessId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct)
    {
        var list = new List<Appointment>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {businessId} and RowKey ge {"a|"} and RowKey lt {"a}"} and StartUtc ge {fromUtc} and StartUtc lt {toUtc}");
        await foreach (var row in tables.Appointments.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(Read(row));
        return list;
    }

    // A visit's segments as a list equal by value, so an appointment read back equals the one written (cancel relies on it).
    internal static Appointment Read(TableEntity row)
    {
        var a = JsonSerializer.Deserialize<Appointment>(row.GetString("Data")!, Json)!;
        return a.Segments is { } segments ? a with { Segments = ValueList.Of(segments) } : a;
    }

    private static TableEntity Row(Appointment a) => new(a.BusinessId, "a|" + a.Id)
    {
        ["Data"] = JsonSerializer.Serialize(a, Json),
        ["Status"] = a.Status.ToString(),
        ["StartUtc"] = a.StartUtc,
        ["ProfessionalId"] = a.ProfessionalId,
        ["Code"] = a.Code,
    };

    private static TableEntity ClaimRow(string businessId, string key, string appointmentId, bool completed, DateTimeOffset claimedUtc) =>
        new(businessId, ClaimKey(key))
        {
            ["AppointmentId"] = appointmentId,
            ["Completed"] = completed,
            ["ClaimedUtc"] = claimedUtc,
        };

    // Keys come from clients and may hold characters a RowKey cannot; their hash cannot.
    private static string ClaimKey(string key) => HashedKey("k|", key);

    /// <summary>A row key made from a value that must not (or cannot) appear in a URL as it is.</summary>
    internal static string HashedKey(string prefix, string value) =>
        prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
