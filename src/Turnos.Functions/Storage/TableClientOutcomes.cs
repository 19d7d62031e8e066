using Azure;
using Azure.Data.Tables;

namespace Turnos.Functions.Storage;

/// <summary>
/// <see cref="TableClient"/> calls whose expected failures (404, 409, 412) come back as a
/// <see cref="TableOutcome"/> instead of an exception: a slot taken or a row changed meanwhile is a result the
/// stores act on, not an error.
/// </summary>
public static class TableClientOutcomes
{
    public static Task<TableResult> TryAddAsync(this TableClient table, ITableEntity entity, CancellationToken ct = default) =>
        RunAsync(() => table.AddEntityAsync(entity, ct));

    public static Task<TableResult> TryUpsertAsync(this TableClient table, ITableEntity entity,
        TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default) =>
        RunAsync(() => table.UpsertEntityAsync(entity, mode, ct));

    /// <summary>Replaces (or merges into) an existing entity when its ETag still matches <paramref name="ifMatch"/>.</summary>
    public static Task<TableResult> TryUpdateAsync(this TableClient table, ITableEntity entity, ETag ifMatch,
        TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default) =>
        RunAsync(() => table.UpdateEntityAsync(entity, ifMatch, mode, ct));

    public static Task<TableResult> TryDeleteAsync(this TableClient table, string partitionKey, string rowKey, ETag ifMatch,
        CancellationToken ct = default) =>
        RunAsync(() => table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, ct));

    /// <summary>Point read; null when the entity does not exist (no exception on this hot path).</summary>
    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey,
        IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, ct).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Runs the actions as one entity-group transaction: all of them are applied or none is.</summary>
    /// <remarks>The SDK retries a transaction like any request. If an attempt timed out after the service had
    /// committed it, the retry can answer 409 or 412 for a transaction that did succeed; callers that insert
    /// slot locks treat that like a lost race and re-read, which is the safe reading either way.</remarks>
    public static async Task<TableBatchResult> TrySubmitAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions,
        CancellationToken ct = default)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
            return new TableBatchResult(TableOutcome.Success, null);
        }
        catch (TableTransactionFailedException e) when (Classify(e.Status, e.ErrorCode) is { } outcome)
        {
            return new TableBatchResult(outcome, e.FailedTransactionActionIndex);
        }
    }

    private static async Task<TableResult> RunAsync(Func<Task<Response>> call)
    {
        try
        {
            var response = await call().ConfigureAwait(false);
            if (response.Status != 404) return new TableResult(TableOutcome.Success, response.Headers.ETag);
            // A delete of a missing entity is answered, not thrown, by the SDK; a missing table is still an error.
            response.Headers.TryGetValue("x-ms-error-code", out var code);
            return Classify(404, code) is { } missing
                ? new TableResult(missing, null)
                : throw new RequestFailedException(response);
        }
        catch (RequestFailedException e) when (Classify(e.Status, e.ErrorCode) is { } outcome)
        {
            return new TableResult(outcome, null);
        }
    }

    // A missing table is a deployment fault, not an outcome a store can act on.
    private static TableOutcome? Classify(int status, string? errorCode) => status switch
    {
        404 when errorCode == "TableNotFound" => null,
        404 => TableOutcome.NotFound,
        409 => TableOutcome.Conflict,
        412 => TableOutcome.PreconditionFailed,
        _ => null,
    };
}
