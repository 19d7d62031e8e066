using Azure.Data.Tables;

namespace Turnos.Functions.Booking;

/// <summary>An appointment holding time in a schedule partition, as the schedule sweep sees it.</summary>
/// <param name="TakenUtc">When its hold was taken (the row's storage timestamp for rows older than that property).</param>
/// <param name="Legacy">The partition is in the legacy layout (see ScheduleStore.Legacy).</param>
public sealed record ScheduleHolder(string Partition, string AppointmentId, DateTimeOffset TakenUtc, bool Legacy);

public sealed partial class ScheduleStore
{
    /// <summary>Every appointment holding time on the business's work days from <paramref name="from"/> on, in either
    /// layout: one range query over the summary rows (a hold and its release are one transaction each, so an appointment
    /// with locks has a summary).</summary>
    public async Task<List<ScheduleHolder>> HoldersAsync(string businessId, DateOnly from, CancellationToken ct)
    {
        // '}' follows '|': every partition of the business from that day on, the legacy ones included.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {Partition(businessId, from)} and PartitionKey lt {businessId + "}"} and RowKey ge {SummaryPrefix} and RowKey lt {"a}"}");
        var holders = new Dictionary<(string, string), ScheduleHolder>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "AppointmentId", "TakenUtc"], cancellationToken: ct))
        {
            var id = Owner(row);
            var taken = row.GetDateTimeOffset("TakenUtc") ?? row.Timestamp ?? DateTimeOffset.MinValue;
            if (holders.TryGetValue((row.PartitionKey, id), out var seen) && seen.TakenUtc >= taken) continue;
            holders[(row.PartitionKey, id)] = new ScheduleHolder(row.PartitionKey, id, taken, IsLegacy(row.PartitionKey));
        }
        return [.. holders.Values];
    }

    /// <summary>Releases every row an appointment holds in a partition, whatever it is (or was) booked for.</summary>
    public Task ReleaseHeldAsync(string partition, string appointmentId, CancellationToken ct) => SettleAsync(partition, appointmentId, null, ct);
}
