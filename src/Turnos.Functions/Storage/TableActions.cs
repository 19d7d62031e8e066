using Azure;
using Azure.Data.Tables;

namespace Turnos.Functions.Storage;

/// <summary>Short names for the actions of an entity-group transaction. Without an ETag, a replace or delete is
/// unconditional (<see cref="ETag.All"/>).</summary>
public static class TableActions
{
    public static TableTransactionAction Add(ITableEntity entity) => new(TableTransactionActionType.Add, entity);

    public static TableTransactionAction Upsert(ITableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

    public static TableTransactionAction Replace(ITableEntity entity, ETag? ifMatch = null) =>
        new(TableTransactionActionType.UpdateReplace, entity, ifMatch ?? ETag.All);

    public static TableTransactionAction Delete(string partitionKey, string rowKey, ETag? ifMatch = null) =>
        new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch ?? ETag.All);
}
