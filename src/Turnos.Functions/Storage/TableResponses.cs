using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;

namespace Turnos.Functions.Storage;

/// <summary>Reads what the Table service says about a response: ETag and error code.</summary>
internal static partial class TableResponses
{
    public const string TableNotFound = "TableNotFound";

    public static bool IsSuccess(int status) => status is >= 200 and < 300;

    public static string? ETagOf(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? etag : null;

    public static string? ErrorCodeOf(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && !string.IsNullOrEmpty(header))
        {
            return header;
        }

        return response.Content is { } content ? ErrorCodeOf(content.ToString()) : null;
    }

    /// <summary>The code from an OData JSON error (<c>{"odata.error":{"code":..}}</c>) or an XML one (<c>&lt;Code&gt;</c>).</summary>
    public static string? ErrorCodeOf(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(trimmed);
                return json.RootElement.TryGetProperty("odata.error", out var error)
                    && error.TryGetProperty("code", out var code) ? code.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var xml = XmlCode().Match(body);
        return xml.Success ? xml.Groups[1].Value : null;
    }

    /// <summary>The error message's text (for the batch index prefix); never surfaced in exceptions.</summary>
    public static string? ErrorMessageOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("odata.error", out var error)
                && error.TryGetProperty("message", out var message)
                && message.TryGetProperty("value", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("<Code>([^<]+)</Code>")]
    private static partial Regex XmlCode();
}
