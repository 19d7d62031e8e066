using System.Diagnostics;
using Azure.Data.Tables;

namespace Turnos.Bench;

/// <summary>
/// What Azurite itself gives, through <c>Azure.Data.Tables</c> and nothing of the app's: single-entity inserts (the kind
/// of write the webhook's claims make) and point reads, each timed, many at once.
/// </summary>
internal static class RawAzurite
{
    public sealed record Ops(List<double> Latencies, double PerSecond);

    public static async Task<Ops> PointWritesAsync(string connectionString, int concurrency, int count = 3000)
    {
        var table = await TableAsync(connectionString);
        // Shaped like a claim row: a few short properties, a partition among many.
        return await MeasureAsync(concurrency, count, (i, ct) => table.AddEntityAsync(new TableEntity($"p{i % 64:D2}", Guid.NewGuid().ToString("N"))
        {
            ["State"] = "sending",
            ["Owner"] = Guid.NewGuid().ToString("N"),
            ["ClaimedUtc"] = DateTimeOffset.UtcNow,
        }, ct));
    }

    public static async Task<Ops> PointReadsAsync(string connectionString, int concurrency, int count = 3000)
    {
        var table = await TableAsync(connectionString);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Value"] = 1 });
        return await MeasureAsync(concurrency, count, (_, ct) => table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: ct));
    }

    private static async Task<TableClient> TableAsync(string connectionString)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("benchraw");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task<Ops> MeasureAsync<T>(int concurrency, int count, Func<int, CancellationToken, Task<T>> op)
    {
        // Warm: connections opened, code jitted.
        await RunAsync(concurrency, Enumerable.Range(0, 500), op, null);
        var latencies = new List<double>(count);
        var watch = Stopwatch.StartNew();
        await RunAsync(concurrency, Enumerable.Range(0, count), op, latencies);
        return new Ops(latencies, count / watch.Elapsed.TotalSeconds);
    }

    private static Task RunAsync<T>(int concurrency, IEnumerable<int> items, Func<int, CancellationToken, Task<T>> op, List<double>? latencies) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var start = Stopwatch.GetTimestamp();
            await op(i, ct);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (latencies is not null) lock (latencies) latencies.Add(ms);
        });
}
