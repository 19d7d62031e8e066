using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Widget;

/// <summary>The widget's endpoints as a visitor's browser calls them, and the demo seed with the widget's settings.</summary>
internal static class WidgetCalls
{
    public const string Messages = "/api/widget/demo/messages";

    /// <summary>A fresh browser's conversation id, as the widget makes it.</summary>
    public static string NewConversation() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static TurnosFactory App(AzuriteFixture azurite, string[]? allowedOrigins = null, Dictionary<string, string?>? settings = null) =>
        new(azurite, seedFile: allowedOrigins is null ? null : Seed(allowedOrigins), settings: settings);

    /// <summary>A POST as the widget sends it, from a page of <paramref name="origin"/> (none: not a browser).</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, string conversationId, string text, string? origin = null,
        string path = Messages)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { conversationId, text }) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PreflightAsync(this HttpClient client, string origin, string path = Messages, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return client.SendAsync(request);
    }

    /// <summary>The replies of a message that must be answered.</summary>
    public static async Task<string> SayAsync(this HttpClient client, string conversationId, string text)
    {
        var response = await client.SendAsync(conversationId, text);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return string.Join("\n", JsonDocument.Parse(body).RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetString()));
    }

    public static string? AllowedOrigin(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    /// <summary>The demo seed, its business limited to <paramref name="allowedOrigins"/>.</summary>
    public static string Seed(string[] allowedOrigins)
    {
        var seed = JsonNode.Parse(File.ReadAllText(RepoPaths.DemoSeed))!;
        seed["businesses"]![0]!["webChat"] = new JsonObject { ["allowedOrigins"] = new JsonArray([.. allowedOrigins.Select(o => JsonValue.Create(o))]) };
        var path = Path.Combine(Path.GetTempPath(), $"turnos-widget-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, seed.ToJsonString());
        return path;
    }
}
