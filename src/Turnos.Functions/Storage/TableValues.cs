using System.Globalization;

namespace Turnos.Functions.Storage;

/// <summary>Formatting and parsing of Edm values shared by the JSON payloads and the filter literals.</summary>
internal static class TableValues
{
    public const string EdmInt32 = "Edm.Int32";
    public const string EdmInt64 = "Edm.Int64";
    public const string EdmDouble = "Edm.Double";
    public const string EdmBoolean = "Edm.Boolean";
    public const string EdmString = "Edm.String";
    public const string EdmDateTime = "Edm.DateTime";
    public const string EdmGuid = "Edm.Guid";
    public const string EdmBinary = "Edm.Binary";

    private const string DateTimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    // An Unspecified DateTime is ambiguous: refusing it catches a local-time bug before it is stored.
    public static DateTimeOffset ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(value, TimeSpan.Zero),
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => throw new ArgumentException(
            "DateTime values must have Kind Utc (or Local); use DateTimeOffset for instants.", nameof(value)),
    };

    public static bool TryParseDateTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);

    public static string FormatDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("NaN and infinite doubles are not supported.", nameof(value));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // Without a '.' or exponent the service would read the literal as an Int32.
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    public static bool TryParseDouble(string text, out double value)
    {
        // OData writes the special values as strings.
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "INF" or "Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-INF" or "-Infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    public static bool TryParseBase64(string text, out byte[] value)
    {
        try
        {
            value = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            value = [];
            return false;
        }
    }
}
