using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Turnos.Functions.Storage;

/// <summary>
/// OData JSON (v3, minimal metadata) for entities. Types JSON cannot carry unambiguously (Int64, Double,
/// DateTime, Guid, Binary) are written with "Name@odata.type" annotations so the service stores the
/// intended Edm type, and read back from the annotations the service returns.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entity)
            {
                if (value is not null && !IsServiceOwned(name))
                {
                    WriteProperty(writer, name, value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static TableEntity Deserialize(JsonElement json, string? etagHeader = null)
    {
        var entity = new TableEntity();
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name == "odata.etag")
            {
                entity.ETag = property.Value.GetString();
            }
            else if (name == TableEntity.TimestampName)
            {
                entity.Timestamp = TableValues.TryParseDateTime(property.Value.GetString() ?? "", out var ts) ? ts : null;
            }
            else if (!IsServiceOwned(name) && property.Value.ValueKind != JsonValueKind.Null)
            {
                var edmType = json.TryGetProperty(name + TypeSuffix, out var t) ? t.GetString() : null;
                entity[name] = ReadValue(property.Value, edmType);
            }
        }

        entity.ETag ??= etagHeader;
        return entity;
    }

    // Metadata and annotations the service adds; Timestamp is maintained by the service and ignored on write.
    private static bool IsServiceOwned(string name) =>
        name.StartsWith("odata.", StringComparison.Ordinal)
        || name.Contains("@odata.", StringComparison.Ordinal)
        || name == TableEntity.TimestampName;

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case long l:
                // Int64 travels as a string: JSON numbers lose precision beyond 2^53 in many parsers.
                WriteAnnotated(writer, name, TableValues.EdmInt64, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteString(name + TypeSuffix, TableValues.EdmDouble);
                writer.WritePropertyName(name);
                writer.WriteRawValue(TableValues.FormatDouble(d));
                break;
            case DateTimeOffset dto:
                WriteAnnotated(writer, name, TableValues.EdmDateTime, TableValues.FormatDateTime(dto));
                break;
            case DateTime dt:
                WriteAnnotated(writer, name, TableValues.EdmDateTime, TableValues.FormatDateTime(TableValues.ToUtc(dt)));
                break;
            case Guid g:
                WriteAnnotated(writer, name, TableValues.EdmGuid, g.ToString("D"));
                break;
            case byte[] bytes:
                WriteAnnotated(writer, name, TableValues.EdmBinary, Convert.ToBase64String(bytes));
                break;
            default:
                throw new ArgumentException(
                    $"Property '{name}' has unsupported type {value.GetType().Name}; use string, int, long, bool, double, DateTimeOffset, DateTime (UTC), Guid or byte[].");
        }
    }

    private static void WriteAnnotated(Utf8JsonWriter writer, string name, string edmType, string value)
    {
        writer.WriteString(name + TypeSuffix, edmType);
        writer.WriteString(name, value);
    }

    private static object? ReadValue(JsonElement value, string? edmType) => edmType switch
    {
        TableValues.EdmInt64 => value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
        TableValues.EdmInt32 => value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : int.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
        TableValues.EdmDouble => value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : TableValues.TryParseDouble(value.GetString()!, out var d) ? d : throw BadValue(edmType),
        TableValues.EdmDateTime => TableValues.TryParseDateTime(value.GetString()!, out var dt) ? dt : throw BadValue(edmType),
        TableValues.EdmGuid => Guid.Parse(value.GetString()!),
        TableValues.EdmBinary => Convert.FromBase64String(value.GetString()!),
        TableValues.EdmBoolean => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
        _ => ReadUntyped(value),
    };

    // Without an annotation the JSON kind decides: integral numbers are Edm.Int32, others Edm.Double.
    private static object? ReadUntyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt32(out var i) && IsIntegralText(value) => i,
        JsonValueKind.Number when value.TryGetInt64(out var l) && IsIntegralText(value) => l,
        JsonValueKind.Number => value.GetDouble(),
        _ => value.GetRawText(),
    };

    private static bool IsIntegralText(JsonElement value) => value.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static FormatException BadValue(string edmType) => new($"The service returned a malformed {edmType} value.");
}
