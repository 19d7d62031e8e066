using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>
/// The <c>calendar</c> table: per business, one row about its Google connection (partition = business id,
/// row <c>google</c>); and one row per connect link (partition <c>oauth-state</c>, see <see cref="ConnectStates"/>).
/// No token ever lands here.
/// </summary>
public sealed class CalendarTable(TurnosTables tables, IOptions<StorageOptions> storage)
{
    public TableClient Table { get; } = tables.Service.GetTableClient(storage.Value.TablePrefix + "calendar");
}

internal sealed class CalendarTableInitializer(CalendarTable table) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => table.Table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What Turnos knows about a business's Google connection. <see cref="ETag"/> lets a disconnect apply only
/// to the connection it was decided on, never to a newer one made meanwhile.</summary>
public sealed record CalendarConnection(
    bool Connected, string? CalendarEmail, DateTimeOffset? ConnectedUtc, string? LastError, bool NeedsReconnect,
    string? DisconnectedReason, DateTimeOffset? DisconnectedUtc, ETag? ETag)
{
    public static readonly CalendarConnection None = new(false, null, null, null, false, null, null, null);
}

public sealed class CalendarConnections(CalendarTable table, TimeProvider time)
{
    private const string Row = "google";

    private TableClient Table => table.Table;

    public async Task<CalendarConnection> GetAsync(string businessId, CancellationToken ct)
    {
        if (await Table.FindAsync(businessId, Row, ct: ct) is not { } row) return CalendarConnection.None;
        return new CalendarConnection(
            row.GetBoolean("Connected") ?? false, row.GetString("CalendarEmail"), row.GetDateTimeOffset("ConnectedUtc"),
            NullIfEmpty(row.GetString("LastError")), row.GetBoolean("NeedsReconnect") ?? false, row.GetString("DisconnectedReason"),
            row.GetDateTimeOffset("DisconnectedUtc"), row.ETag);
    }

    /// <summary>A fresh connection: whatever went wrong with an earlier one no longer applies.</summary>
    public Task MarkConnectedAsync(string businessId, string? calendarEmail, CancellationToken ct) =>
        Table.TryUpsertAsync(new TableEntity(businessId, Row)
        {
            ["Connected"] = true,
            ["CalendarEmail"] = calendarEmail,
            ["ConnectedUtc"] = time.GetUtcNow(),
            ["NeedsReconnect"] = false,
        }, ct: ct);

    /// <summary>Marks the business not connected; with <paramref name="ifMatch"/> only if the row is still the one
    /// read. False when the row changed (e.g. a reconnect happened meanwhile) and nothing was written.</summary>
    public async Task<bool> MarkDisconnectedAsync(string businessId, string reason, bool needsReconnect, ETag? ifMatch, CancellationToken ct)
    {
        var row = new TableEntity(businessId, Row)
        {
            ["Connected"] = false,
            ["NeedsReconnect"] = needsReconnect,
            ["DisconnectedReason"] = reason,
            ["DisconnectedUtc"] = time.GetUtcNow(),
            ["LastError"] = needsReconnect ? reason : "",
        };
        var result = ifMatch is null ? await Table.TryUpsertAsync(row, TableUpdateMode.Merge, ct) : await Table.TryUpdateAsync(row, ifMatch.Value, TableUpdateMode.Merge, ct);
        return result.IsSuccess;
    }

    /// <summary>The last calendar call's problem for the admin status; null clears it.</summary>
    public Task RecordErrorAsync(string businessId, string? error, CancellationToken ct) =>
        Table.TryUpdateAsync(new TableEntity(businessId, Row) { ["LastError"] = error ?? "" }, ETag.All, TableUpdateMode.Merge, ct);

    // A merge cannot remove a property (null values are not sent), so "cleared" is stored as empty.
    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
