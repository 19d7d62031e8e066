using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Widget;

/// <summary>
/// The widget's abuse limits: messages per conversation per minute, and per client address per minute and per hour.
/// Fixed windows counted in the <c>widgetlimits</c> table, so every instance counts the same messages: one row per
/// (window, subject), partition <c>w|{window end, yyyyMMddHHmm}</c> (the sweeper drops ended windows by that range), row
/// key a hash of the subject (addresses and ids never in clear). Every attempt counts, refused ones too, so a client
/// that keeps hammering stays refused until the window ends.
/// </summary>
public sealed class WidgetLimits(WidgetTables tables, IOptions<WidgetOptions> options, TimeProvider time)
{
    private const int MaxAttempts = 8;

    private sealed record Window(string Kind, string Subject, TimeSpan Length, int Max);

    /// <summary>Null when the message is within every limit; else how long until the exceeded windows have all ended.</summary>
    public async Task<TimeSpan?> TakeAsync(string businessId, string conversationId, IPAddress? client, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var address = ClientKey(client);
        Window[] windows =
        [
            new("c", businessId + "|" + conversationId, TimeSpan.FromMinutes(1), o.MessagesPerMinute),
            new("m", address, TimeSpan.FromMinutes(1), o.IpMessagesPerMinute),
            new("h", address, TimeSpan.FromHours(1), o.IpMessagesPerHour),
        ];
        var counts = await Task.WhenAll(windows.Select(w => CountAsync(w, End(w, now), ct)));
        var waits = windows.Where((w, i) => counts[i] > w.Max).Select(w => End(w, now) - now).ToList();
        return waits.Count > 0 ? waits.Max() : null;
    }

    /// <summary>Partitions of windows that ended before <paramref name="now"/> sort below this key.</summary>
    public static string EndedBefore(DateTimeOffset now) => Partition(now);

    public const string PartitionPrefix = "w|";

    private async Task<int> CountAsync(Window window, DateTimeOffset end, CancellationToken ct)
    {
        var (partition, row) = (Partition(end), window.Kind + "|" + Hash(window.Subject));
        for (var attempt = 1; ; attempt++)
        {
            var found = await tables.Limits.FindAsync(partition, row, ct: ct);
            var count = (found?.GetInt32("Count") ?? 0) + 1;
            var entity = new TableEntity(partition, row) { ["Count"] = count, ["EndsUtc"] = end };
            var written = found is null
                ? await tables.Limits.TryAddAsync(entity, ct)
                : await tables.Limits.TryUpdateAsync(entity, found.ETag, ct: ct);
            // Another message of the same subject counted meanwhile: read again. After that many tries the subject is
            // plainly busy, and counting it as over the limit is the safe answer.
            if (written.IsSuccess) return count;
            if (attempt == MaxAttempts) return int.MaxValue;
        }
    }

    private static DateTimeOffset End(Window window, DateTimeOffset now) =>
        new(now.UtcTicks - now.UtcTicks % window.Length.Ticks + window.Length.Ticks, TimeSpan.Zero);

    private static string Partition(DateTimeOffset end) => PartitionPrefix + end.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>An IPv6 client is its /64 (one home or phone usually holds a whole one); unknown ones share one key.</summary>
    private static string ClientKey(IPAddress? client)
    {
        if (client is null) return "unknown";
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        if (client.AddressFamily != AddressFamily.InterNetworkV6) return client.ToString();
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString();
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}

/// <summary>The <c>widgetlimits</c> table (see <see cref="WidgetLimits"/>).</summary>
public sealed class WidgetTables(TurnosTables tables, IOptions<StorageOptions> storage)
{
    public TableClient Limits { get; } = tables.Service.GetTableClient(storage.Value.TablePrefix + "widgetlimits");
}

/// <summary>Creates the table before the app takes requests.</summary>
internal sealed class WidgetTablesInitializer(WidgetTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.Limits.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
