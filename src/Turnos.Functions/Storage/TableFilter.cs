using System.Globalization;

namespace Turnos.Functions.Storage;

/// <summary>
/// Builds OData $filter expressions where every interpolated value becomes a literal, so user input
/// (phone numbers, names) can never change the shape of the query:
/// <c>TableFilter.Of($"PartitionKey eq {pk} and Start ge {from}")</c>.
/// </summary>
public static class TableFilter
{
    public static string Of(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray<object?>();
        // The literals are strings, so format specifiers such as {x:N2} have no effect on them.
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>A string literal with single quotes doubled: <c>it's</c> → <c>'it''s'</c>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The OData literal for one value of a supported type.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => TableValues.FormatDouble(d),
        DateTimeOffset dto => $"datetime'{TableValues.FormatDateTime(dto)}'",
        DateTime dt => $"datetime'{TableValues.FormatDateTime(TableValues.ToUtc(dt))}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        _ => throw new ArgumentException(
            $"A value of type {value.GetType().Name} cannot be used in a table filter; convert it to a supported type first.",
            nameof(value)),
    };
}
