namespace Turnos.Functions.Storage;

/// <summary>The outcomes callers are expected to handle; anything else is a <see cref="TableStorageException"/>.</summary>
public enum TableOutcome
{
    Success,
    NotFound,
    Conflict,
    PreconditionFailed,
}

public readonly record struct TableResult(TableOutcome Outcome, string? ETag)
{
    public bool IsSuccess => Outcome == TableOutcome.Success;
}

public enum TableOperationKind
{
    Insert,
    Upsert,
    UpsertMerge,
    Replace,
    Merge,
    Delete,
}

/// <summary>One operation of an entity-group transaction (see <see cref="TableClient.SubmitBatchAsync"/>).</summary>
public sealed record TableOperation(TableOperationKind Kind, TableEntity Entity, string? IfMatch = null)
{
    public static TableOperation Insert(TableEntity entity) => new(TableOperationKind.Insert, entity);

    public static TableOperation Upsert(TableEntity entity, bool merge = false) =>
        new(merge ? TableOperationKind.UpsertMerge : TableOperationKind.Upsert, entity);

    public static TableOperation Replace(TableEntity entity, string ifMatch = "*") =>
        new(TableOperationKind.Replace, entity, ifMatch);

    public static TableOperation Merge(TableEntity entity, string ifMatch = "*") =>
        new(TableOperationKind.Merge, entity, ifMatch);

    public static TableOperation Delete(string partitionKey, string rowKey, string ifMatch = "*") =>
        new(TableOperationKind.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
}

/// <summary>
/// Result of an entity-group transaction. On failure nothing was written; <see cref="FailedIndex"/> is the
/// position in the submitted list of the operation the service rejected (null if it did not say).
/// <see cref="ETags"/> has one slot per operation on success (null for deletes), and is empty on failure.
/// </summary>
public sealed record TableBatchResult(TableOutcome Outcome, int? FailedIndex, IReadOnlyList<string?> ETags)
{
    public bool IsSuccess => Outcome == TableOutcome.Success;
}

public sealed record TablePage(IReadOnlyList<TableEntity> Items, string? ContinuationToken);
