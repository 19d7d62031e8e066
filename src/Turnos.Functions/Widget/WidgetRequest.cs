using System.Text.Json;

namespace Turnos.Functions.Widget;

/// <summary>A widget message, <c>{ conversationId, text }</c>, read by hand so that each defect gets its own Spanish
/// answer and a body far larger than any message is refused without being read to its end.</summary>
public sealed record WidgetRequest(string ConversationId, string Text)
{
    public const int MaxTextLength = 1000;

    /// <summary>Room for the longest text with every character escaped, and the id.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    public static async Task<(WidgetRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return (null, Invalid("text", WidgetTexts.TooLong(MaxTextLength)));
        var buffer = new byte[MaxBodyBytes + 1];
        int read = 0, n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
        if (read > MaxBodyBytes) return (null, Invalid("text", WidgetTexts.TooLong(MaxTextLength)));
        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, read));
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return (null, Invalid("body", WidgetTexts.NotJson));
        }
    }

    private static (WidgetRequest?, IResult?) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, Invalid("body", WidgetTexts.NotJson));
        var id = body.TryGetProperty("conversationId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
        if (!WidgetChannel.ConversationIdPattern().IsMatch(id)) return (null, Invalid("conversationId", WidgetTexts.InvalidConversation));
        var text = body.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : "";
        if (text.Length == 0) return (null, Invalid("text", WidgetTexts.EmptyText));
        if (text.Length > MaxTextLength) return (null, Invalid("text", WidgetTexts.TooLong(MaxTextLength)));
        return (new WidgetRequest(id, text), null);
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "The request is invalid");
}
