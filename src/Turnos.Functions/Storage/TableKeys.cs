namespace Turnos.Functions.Storage;

internal static class TableProtocol
{
    public const string Version = "2019-02-02";
    public const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";
}

/// <summary>Key validation and the entity address <c>Table(PartitionKey='..',RowKey='..')</c>.</summary>
internal static class TableKeys
{
    public static void Validate(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Validate(entity.TryGetValue(TableEntity.PartitionKeyName, out var pk) ? pk : null, TableEntity.PartitionKeyName);
        Validate(entity.TryGetValue(TableEntity.RowKeyName, out var rk) ? rk : null, TableEntity.RowKeyName);
    }

    /// <summary>
    /// The key predicate of an entity URL. Inside the quoted OData literal a quote is doubled, then the
    /// whole value is percent-encoded so '%', '+', spaces and non-ASCII survive the trip through the path.
    /// </summary>
    public static string EntityPath(string partitionKey, string rowKey)
    {
        Validate(partitionKey, TableEntity.PartitionKeyName);
        Validate(rowKey, TableEntity.RowKeyName);
        return $"(PartitionKey='{Escape(partitionKey)}',RowKey='{Escape(rowKey)}')";
    }

    // Azure rejects these characters in keys; Azurite is laxer, so checking here keeps both alike.
    // The key's value stays out of the message: keys hold phone numbers.
    private static void Validate(object? key, string name)
    {
        if (key is not string text)
        {
            throw new ArgumentException($"{name} must be a string (it is {(key is null ? "missing" : key.GetType().Name)}).", name);
        }

        foreach (var c in text)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"{name} contains a character Table Storage does not allow ('/', '\\', '#', '?' or a control character).", name);
            }
        }
    }

    private static string Escape(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
