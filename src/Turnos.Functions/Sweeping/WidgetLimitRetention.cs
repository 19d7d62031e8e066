using Azure.Data.Tables;
using Turnos.Functions.Widget;

namespace Turnos.Functions.Sweeping;

/// <summary>Deletes the widget's limit counters of windows that have ended: they count nothing any more.</summary>
internal sealed class WidgetLimitRetention(WidgetTables tables, TimeProvider time) : ISweepJob
{
    private const int MaxPerRun = 2000;

    public string Name => "widget-limits";

    public Task<int> RunAsync(CancellationToken ct)
    {
        // Partitions are "w|{window end}", so ended windows are one key range, found without reading a property.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {WidgetLimits.PartitionPrefix} and PartitionKey lt {WidgetLimits.EndedBefore(time.GetUtcNow())}");
        return Retention.DeleteAsync(tables.Limits, filter, MaxPerRun, ct);
    }
}
