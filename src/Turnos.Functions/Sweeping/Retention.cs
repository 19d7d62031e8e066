using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Sweeping;

internal static class Retention
{
    /// <summary>Deletes up to <paramref name="max"/> rows matching the filter. Each delete carries the ETag the
    /// query saw, so a row written since (it is not old any more) stays.</summary>
    public static async Task<int> DeleteAsync(TableClient table, string filter, int max, CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            if (deleted >= max) break;
            if ((await table.TryDeleteAsync(row.PartitionKey, row.RowKey, row.ETag, ct)).IsSuccess) deleted++;
        }
        return deleted;
    }
}
