using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Admin;

/// <summary>The <c>apikeys</c> table: one row per key (partition "key", row key = key id), created at start.</summary>
public sealed class ApiKeyTable(TurnosTables tables, IOptions<StorageOptions> storage)
{
    public TableClient Table { get; } = tables.Service.GetTableClient(storage.Value.TablePrefix + "apikeys");
}

internal sealed class ApiKeyTableInitializer(ApiKeyTable table) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => table.Table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// API keys, stored as SHA-256 hashes of their secrets, plus the platform key from configuration
/// (<c>Admin:ApiKey</c>, key id "config"). Rows read from the table are reused for <see cref="CacheFor"/>, so an
/// API call does not hit storage; a revocation counts at once on the instance that made it, on others within that time.
/// </summary>
public sealed partial class ApiKeyStore(ApiKeyTable table, IOptions<AdminOptions> admin, TimeProvider time, ILogger<ApiKeyStore> logger)
{
    public const string ConfigKeyId = "config";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(20);
    public const int MaxNameLength = 100;

    private const string Partition = "key";
    private readonly byte[] _configHash = ApiKeyFormat.Hash(admin.Value.ApiKey ?? "");
    private readonly ConcurrentDictionary<string, (StoredKey Row, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    // Revocations made here, checked before the cache: a read racing a revocation cannot put the key back.
    private readonly ConcurrentDictionary<string, bool> _revokedHere = new(StringComparer.Ordinal);

    private sealed record StoredKey(ApiKeyInfo Info, byte[] SecretHash);

    /// <summary>A new key; the returned <c>Key</c> is the only time its secret exists outside the caller.</summary>
    public async Task<(string KeyId, string Key)> CreateAsync(ApiRole role, string? businessId, string name, string? createdBy, CancellationToken ct)
    {
        if ((role == ApiRole.Platform) != string.IsNullOrEmpty(businessId))
            throw new ArgumentException("Platform keys have no business; every other key has exactly one.", nameof(businessId));
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength) throw new ArgumentException($"A key needs a name of 1 to {MaxNameLength} characters.", nameof(name));

        // A 12-character id from 36 symbols collides about never; the insert would say so, and a fresh id is tried.
        for (var attempt = 0; ; attempt++)
        {
            var (keyId, secret) = (ApiKeyFormat.NewId(), ApiKeyFormat.NewSecret());
            var row = new TableEntity(Partition, keyId)
            {
                ["Role"] = role.ToWire(),
                ["BusinessId"] = businessId,
                ["Name"] = name,
                ["SecretHash"] = Convert.ToBase64String(ApiKeyFormat.Hash(secret)),
                ["CreatedUtc"] = time.GetUtcNow(),
                ["CreatedBy"] = createdBy,
            };
            var result = await table.Table.TryAddAsync(row, ct);
            if (result.IsSuccess)
            {
                Created(logger, keyId, role.ToWire(), businessId, createdBy);
                return (keyId, ApiKeyFormat.Compose(keyId, secret));
            }
            if (result.Outcome != TableOutcome.Conflict || attempt == 2)
                throw new InvalidOperationException($"Storing a new API key failed: {result.Outcome}.");
        }
    }

    /// <summary>Marks the key revoked (the row stays, for the record). False when there is no such key;
    /// revoking a revoked key changes nothing and is true.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken ct)
    {
        var stored = await ReadAsync(keyId, ct);
        if (stored is null) return false;
        if (!stored.Info.Revoked)
        {
            var update = new TableEntity(Partition, keyId) { ["RevokedUtc"] = time.GetUtcNow() };
            var result = await table.Table.TryUpdateAsync(update, ETag.All, TableUpdateMode.Merge, ct);
            if (result.Outcome == TableOutcome.NotFound) return false;
            if (!result.IsSuccess) throw new InvalidOperationException($"Revoking API key '{keyId}' failed: {result.Outcome}.");
            Revoked(logger, keyId);
        }

        _revokedHere[keyId] = true;
        _cache.TryRemove(keyId, out _);
        return true;
    }

    /// <summary>Keys of one business, or every key (platform and all businesses) when <paramref name="businessId"/> is null;
    /// revoked ones included, oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string? businessId, CancellationToken ct)
    {
        var filter = businessId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and BusinessId eq {businessId}");
        var keys = new List<ApiKeyInfo>();
        await foreach (var row in table.Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) keys.Add(FromRow(row).Info);
        return [.. keys.OrderBy(k => k.CreatedUtc).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    /// <summary>One key's record, read from the table (not the cache); null when unknown.</summary>
    public async Task<ApiKeyInfo?> GetAsync(string keyId, CancellationToken ct) => (await ReadAsync(keyId, ct))?.Info;

    /// <summary>The caller a bearer key speaks for; null when it is missing, malformed, unknown, wrong or revoked.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string? bearerKey, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(bearerKey) || bearerKey.Length > ApiKeyFormat.MaxLength) return null;
        // Hashing first makes the comparison length-independent as well as constant-time.
        if (CryptographicOperations.FixedTimeEquals(ApiKeyFormat.Hash(bearerKey), _configHash) && !string.IsNullOrEmpty(admin.Value.ApiKey))
            return new ApiCaller(ConfigKeyId, ApiRole.Platform, null);
        if (!ApiKeyFormat.TryParse(bearerKey, out var keyId, out var secret) || _revokedHere.ContainsKey(keyId)) return null;

        var stored = await CachedAsync(keyId, ct);
        if (stored is null || stored.Info.Revoked || !CryptographicOperations.FixedTimeEquals(ApiKeyFormat.Hash(secret), stored.SecretHash))
            return null;
        return new ApiCaller(keyId, stored.Info.Role, stored.Info.BusinessId);
    }

    private async Task<StoredKey?> CachedAsync(string keyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(keyId, out var hit) && hit.Until > now) return hit.Row;
        var stored = await ReadAsync(keyId, ct);
        // Only keys that exist are kept, so the cache is bounded by the table, not by what strangers send.
        if (stored is not null) _cache[keyId] = (stored, now + CacheFor);
        return stored;
    }

    private async Task<StoredKey?> ReadAsync(string keyId, CancellationToken ct) =>
        ApiKeyFormat.IsId(keyId) && await table.Table.FindAsync(Partition, keyId, ct: ct) is { } row ? FromRow(row) : null;

    // Ids only, for the record: never a key or its hash.
    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} created: {Role}, business {BusinessId}, by key {CreatedBy}")]
    private static partial void Created(ILogger logger, string keyId, string role, string? businessId, string? createdBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} revoked")]
    private static partial void Revoked(ILogger logger, string keyId);

    private static StoredKey FromRow(TableEntity row)
    {
        var role = ApiRoleNames.TryParse(row.GetString("Role"), out var r) ? r
            : throw new InvalidOperationException($"API key '{row.RowKey}' has an unknown role.");
        var info = new ApiKeyInfo(row.RowKey, role, row.GetString("BusinessId"), row.GetString("Name") ?? "",
            row.GetDateTimeOffset("CreatedUtc") ?? DateTimeOffset.MinValue, row.GetString("CreatedBy"), row.GetDateTimeOffset("RevokedUtc"));
        return new StoredKey(info, Convert.FromBase64String(row.GetString("SecretHash") ?? ""));
    }
}
