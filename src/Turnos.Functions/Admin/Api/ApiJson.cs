using System.Text.Json;

namespace Turnos.Functions.Admin.Api;

/// <summary>
/// Reads request bodies itself instead of through parameter binding, so that malformed JSON is a 400
/// ProblemDetails naming the field (binding would throw in Development and answer without a body otherwise).
/// </summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        try
        {
            if (request.ContentLength == 0) return (null, Missing());
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct);
            return value is null ? (null, Missing()) : (value, null);
        }
        catch (JsonException e)
        {
            var where = $"line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}";
            // A value of the wrong type names its field; broken syntax is the body's fault wherever reading stopped.
            var (field, message) = e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? (FieldOf(e.Path), $"has the wrong type or format ({where})")
                : e.Message.Contains("input does not contain any JSON", StringComparison.Ordinal)
                    ? ("body", "a JSON body is required")
                    : ("body", $"is not valid JSON ({where})");
            return (null, ApiProblems.Field(field, message));
        }
    }

    private static IResult Missing() => ApiProblems.Field("body", "a JSON body is required");

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
