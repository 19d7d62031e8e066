using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Sweeping;

/// <summary>What trying to take the sweep lease gave.</summary>
public abstract record LeaseClaim
{
    private LeaseClaim() { }

    /// <summary>This instance sweeps; give the lease back with <see cref="SweepLease.ReleaseAsync"/>.</summary>
    public sealed record Held(string Owner, ETag ETag, DateTimeOffset StartedUtc) : LeaseClaim;

    /// <summary>Another instance is sweeping (until <paramref name="Until"/>, when known).</summary>
    public sealed record Busy(DateTimeOffset? Until) : LeaseClaim;
}

/// <summary>
/// Makes a sweep single-flight across instances: one row of the <c>leases</c> table with <c>LeaseUntilUtc</c>,
/// taken with If-Match (or by inserting it), so of two instances that read it free only one can take it. A holder
/// that dies leaves it to expire after <see cref="Duration"/>, longer than a sweep may run.
/// </summary>
public sealed class SweepLease(TurnosTables tables, IOptions<StorageOptions> storage, TimeProvider time)
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);
    private const string Partition = "sweeper", Row = "sweep";

    public TableClient Table { get; } = tables.Service.GetTableClient(storage.Value.TablePrefix + "leases");

    public async Task<LeaseClaim> TryAcquireAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = await Table.FindAsync(Partition, Row, ct: ct);
        if (row?.GetDateTimeOffset("LeaseUntilUtc") is { } until && until > now) return new LeaseClaim.Busy(until);

        var owner = Guid.NewGuid().ToString("N");
        var claim = new TableEntity(Partition, Row)
        {
            ["Owner"] = owner,
            ["LeaseUntilUtc"] = now + Duration,
            ["StartedUtc"] = now,
            ["FinishedUtc"] = row?.GetDateTimeOffset("FinishedUtc"),
        };
        var result = row is null ? await Table.TryAddAsync(claim, ct) : await Table.TryUpdateAsync(claim, row.ETag, ct: ct);
        if (result is { IsSuccess: true, ETag: { } etag }) return new LeaseClaim.Held(owner, etag, now);

        // Lost the race, or our own write answered late and its retry failed: the row says which.
        var current = await Table.FindAsync(Partition, Row, ct: ct);
        return current?.GetString("Owner") == owner && current.ETag is { } ours
            ? new LeaseClaim.Held(owner, ours, now)
            : new LeaseClaim.Busy(current?.GetDateTimeOffset("LeaseUntilUtc"));
    }

    /// <summary>Frees the lease for the next sweep. If it expired and someone else took it, theirs stands.</summary>
    public async Task ReleaseAsync(LeaseClaim.Held held, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await Table.TryUpdateAsync(new TableEntity(Partition, Row)
        {
            ["Owner"] = held.Owner,
            ["LeaseUntilUtc"] = now,
            ["StartedUtc"] = held.StartedUtc,
            ["FinishedUtc"] = now,
        }, held.ETag, ct: ct);
    }
}

/// <summary>Creates the <c>leases</c> table before the app takes requests.</summary>
internal sealed class SweepLeaseInitializer(SweepLease lease) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => lease.Table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
