using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Businesses;

/// <summary>
/// Businesses and their catalogs, one partition per business: the business row plus one row per service,
/// professional and block (each holds its document as JSON), so one partition query loads a snapshot.
/// WhatsApp numbers and external ids (the chat gateway's <c>id_empresa</c>) map to businesses in partitions of their own.
/// </summary>
public sealed class CatalogStore(TurnosTables tables, TimeProvider? time = null, IOptions<TurnosOptions>? options = null)
{
    private readonly ShortCache<BusinessSnapshot?> _snapshots = new(time ?? TimeProvider.System, CacheFor(options));
    private readonly ShortCache<string?> _numbers = new(time ?? TimeProvider.System, CacheFor(options));

    internal const string NumbersPartition = "_whatsapp", ExternalIdsPartition = "_external";
    private const string BusinessRow = "business";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<BusinessSnapshot?> GetSnapshotAsync(string businessId, CancellationToken ct = default) =>
        _snapshots.GetAsync(businessId, () => LoadSnapshotAsync(businessId, ct));

    private async Task<BusinessSnapshot?> LoadSnapshotAsync(string businessId, CancellationToken ct)
    {
        var doc = await GetDocumentAsync(businessId, ct);
        if (doc is null) return null;
        var validation = CatalogValidator.Validate(doc, $"table {tables.Catalog.Name}, business '{businessId}'");
        return validation.Snapshot ?? throw new InvalidOperationException(
            $"The stored catalog of business '{businessId}' is invalid: {string.Join("; ", validation.Errors)}");
    }

    /// <summary>The stored document of a business, or null.</summary>
    public async Task<BusinessDocument?> GetDocumentAsync(string businessId, CancellationToken ct = default)
    {
        if (!CatalogValidator.IdPattern().IsMatch(businessId)) return null;
        BusinessDocument? doc = null;
        var services = new List<(int, ServiceDocument?)>();
        var professionals = new List<(int, ProfessionalDocument?)>();
        var blocks = new List<(int, BlockDocument?)>();
        await foreach (var row in tables.Catalog.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {businessId}"), cancellationToken: ct))
        {
            var data = row.GetString("Data") ?? "{}";
            var order = row.GetInt32("Order") ?? 0;
            switch (row.GetString("Kind"))
            {
                case "business": doc = JsonSerializer.Deserialize<BusinessDocument>(data, Json); break;
                case "service": services.Add((order, JsonSerializer.Deserialize<ServiceDocument>(data, Json))); break;
                case "professional": professionals.Add((order, JsonSerializer.Deserialize<ProfessionalDocument>(data, Json))); break;
                case "block": blocks.Add((order, JsonSerializer.Deserialize<BlockDocument>(data, Json))); break;
            }
        }
        if (doc is null) return null;
        doc.Services = [.. services.OrderBy(x => x.Item1).Select(x => x.Item2)];
        doc.Professionals = [.. professionals.OrderBy(x => x.Item1).Select(x => x.Item2)];
        doc.Blocks = [.. blocks.OrderBy(x => x.Item1).Select(x => x.Item2)];
        return doc;
    }

    /// <summary>The hash of the seed document the business was last loaded from; null if none (or no business).</summary>
    public async Task<string?> GetSeedHashAsync(string businessId, CancellationToken ct = default) =>
        (await tables.Catalog.FindAsync(businessId, BusinessRow, ["SeedHash"], ct))?.GetString("SeedHash");

    /// <summary>Writes a validated snapshot, removing rows (and numbers) it no longer has.</summary>
    public async Task SaveAsync(BusinessSnapshot snapshot, string? seedHash = null, CancellationToken ct = default)
    {
        var id = snapshot.Business.Id;
        var doc = CatalogDocuments.FromSnapshot(snapshot);
        var rows = new List<TableEntity>();
        rows.AddRange(doc.Services!.Select((s, i) => Row(id, "service", s!.Id!, s, i)));
        rows.AddRange(doc.Professionals!.Select((p, i) => Row(id, "professional", p!.Id!, p, i)));
        rows.AddRange(doc.Blocks!.Select((b, i) => Row(id, "block", b!.Id!, b, i)));
        doc.Services = null; doc.Professionals = null; doc.Blocks = null;
        var businessRow = Row(id, "business", null, doc, 0);
        businessRow["SeedHash"] = seedHash;
        rows.Add(businessRow);

        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = new List<TableTransactionAction>();
        await foreach (var row in tables.Catalog.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), select: ["RowKey"], cancellationToken: ct))
            if (!keep.Contains(row.RowKey)) stale.Add(TableActions.Delete(id, row.RowKey));

        await SubmitInChunksAsync([.. rows.Select(r => TableActions.Upsert(r)), .. stale], ct);
        await SaveIndexAsync(NumbersPartition, id, snapshot.Business.WhatsAppNumbers, ct);
        await SaveIndexAsync(ExternalIdsPartition, id, snapshot.Business.ExternalId is { } external ? [ExternalKey(external)] : [], ct);
        _snapshots.Clear();
        _numbers.Clear();
    }

    public Task<string?> FindBusinessByWhatsAppAsync(string number, CancellationToken ct = default) =>
        _numbers.GetAsync(number, async () => (await tables.Catalog.FindAsync(NumbersPartition, number, ct: ct))?.GetString("BusinessId"));

    /// <summary>The business the chat gateway calls <paramref name="externalId"/> (<c>id_empresa</c>), if any.</summary>
    public Task<string?> FindBusinessByExternalIdAsync(long externalId, CancellationToken ct = default) =>
        _numbers.GetAsync("#" + externalId, async () => (await tables.Catalog.FindAsync(ExternalIdsPartition, ExternalKey(externalId), ct: ct))?.GetString("BusinessId"));

    private static string ExternalKey(long externalId) => externalId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<string>> ListBusinessIdsAsync(CancellationToken ct = default)
    {
        var ids = new List<string>();
        await foreach (var row in tables.Catalog.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {BusinessRow}"), select: ["PartitionKey"], cancellationToken: ct))
            ids.Add(row.PartitionKey);
        return ids;
    }

    private static TimeSpan CacheFor(IOptions<TurnosOptions>? options) =>
        TimeSpan.FromSeconds(options?.Value.CatalogCacheSeconds ?? TurnosOptions.DefaultCatalogCacheSeconds);

    /// <summary>Points <paramref name="keys"/> of an index partition at the business and drops the business's other keys there.</summary>
    private async Task SaveIndexAsync(string partition, string businessId, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var ops = keys.Select(n => TableActions.Upsert(new TableEntity(partition, n) { ["BusinessId"] = businessId })).ToList();
        await foreach (var row in tables.Catalog.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and BusinessId eq {businessId}"), select: ["RowKey"], cancellationToken: ct))
        {
            if (!keys.Contains(row.RowKey)) ops.Add(TableActions.Delete(partition, row.RowKey));
        }
        await SubmitInChunksAsync(ops, ct);
    }

    private async Task SubmitInChunksAsync(List<TableTransactionAction> ops, CancellationToken ct)
    {
        foreach (var chunk in ops.Chunk(100))
        {
            var result = await tables.Catalog.TrySubmitAsync(chunk, ct);
            if (!result.IsSuccess)
                throw new InvalidOperationException($"Saving the catalog failed: {result.Outcome} at operation {result.FailedIndex}.");
        }
    }

    // Rows come back sorted by key; Order keeps the catalog order, which breaks ties between professionals.
    private static TableEntity Row(string businessId, string kind, string? itemId, object document, int order) =>
        new(businessId, itemId is null ? kind : $"{kind}|{itemId}")
        {
            ["Kind"] = kind,
            ["Order"] = order,
            ["Data"] = JsonSerializer.Serialize(document, document.GetType(), Json),
        };
}
