using System.Globalization;

namespace Turnos.Functions.Storage;

/// <summary>
/// A Table Storage entity as a property bag. PartitionKey and RowKey live in the bag (so they are
/// serialized like any property); ETag and Timestamp come from the service and are never sent back.
/// </summary>
public sealed class TableEntity : Dictionary<string, object?>
{
    public const string PartitionKeyName = "PartitionKey";
    public const string RowKeyName = "RowKey";
    public const string TimestampName = "Timestamp";

    public TableEntity() : base(StringComparer.Ordinal)
    {
    }

    public TableEntity(string partitionKey, string rowKey) : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    // A query with $select may leave the keys out; an empty string is more useful than an exception there.
    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? string.Empty;
        set => this[PartitionKeyName] = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? string.Empty;
        set => this[RowKeyName] = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string? ETag { get; set; }

    public DateTimeOffset? Timestamp { get; internal set; }

    public string? GetString(string key) => Get(key) switch
    {
        null => null,
        string s => s,
        var other => throw Mismatch(key, other, "String"),
    };

    public int? GetInt32(string key) => Get(key) switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        var other => throw Mismatch(key, other, "Int32"),
    };

    public long? GetInt64(string key) => Get(key) switch
    {
        null => null,
        long l => l,
        int i => i,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        var other => throw Mismatch(key, other, "Int64"),
    };

    public bool? GetBoolean(string key) => Get(key) switch
    {
        null => null,
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        var other => throw Mismatch(key, other, "Boolean"),
    };

    public double? GetDouble(string key) => Get(key) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        string s when TableValues.TryParseDouble(s, out var d) => d,
        var other => throw Mismatch(key, other, "Double"),
    };

    public DateTimeOffset? GetDateTimeOffset(string key) => Get(key) switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => TableValues.ToUtc(d),
        string s when TableValues.TryParseDateTime(s, out var d) => d,
        var other => throw Mismatch(key, other, "DateTimeOffset"),
    };

    public Guid? GetGuid(string key) => Get(key) switch
    {
        null => null,
        Guid g => g,
        string s when Guid.TryParse(s, out var g) => g,
        var other => throw Mismatch(key, other, "Guid"),
    };

    public byte[]? GetBinary(string key) => Get(key) switch
    {
        null => null,
        byte[] b => b,
        string s when TableValues.TryParseBase64(s, out var b) => b,
        var other => throw Mismatch(key, other, "Binary"),
    };

    private object? Get(string key) => TryGetValue(key, out var value) ? value : null;

    // The value itself stays out of the message: entity contents must never reach logs.
    private static InvalidCastException Mismatch(string key, object value, string wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name} that cannot be read as {wanted}.");
}
