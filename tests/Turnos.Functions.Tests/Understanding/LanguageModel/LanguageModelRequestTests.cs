using System.Text.Json.Nodes;
using Turnos.Core.Conversations;
using Turnos.Functions.LanguageModel;

namespace Turnos.Functions.Tests.LanguageModel;

/// <summary>What the adapter sends: today in the business's zone, the catalog, the question asked, the schema.</summary>
public sealed class LanguageModelRequestTests : IAsyncLifetime
{
    private FakeChatCompletions _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeChatCompletions.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private async Task<JsonObject> SendAsync(string text, Expectation expecting = Expectation.None, Uri? endpoint = null)
    {
        await Salon.Understanding(_fake, new ListLogger<LanguageModelUnderstanding>(), endpoint: endpoint)
            .UnderstandAsync(Salon.Context(text, expecting), CancellationToken.None);
        Assert.Empty(_fake.Violations);
        return Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task UnderstandAsync_Request_CarriesTodayCatalogAndQuestion()
    {
        var request = await SendAsync("y el viernes a la tarde?", Expectation.Date);

        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        var user = messages[^1]!;
        Assert.Equal("user", user["role"]!.GetValue<string>());
        var prompt = Text(user["content"]!);
        Assert.Contains("Monday 2026-11-23 10:15", prompt);
        Assert.Contains("Friday 2026-11-27", prompt);
        Assert.Contains("America/Argentina/Buenos_Aires", prompt);
        Assert.Contains("corte: Corte de cabello, 30", prompt);
        Assert.Contains("coloracion: Coloración, 90", prompt);
        Assert.Contains("sofia: Sofía Gómez, manicura peinado", prompt);
        Assert.Contains("saturday 09:00-13:00", prompt);
        Assert.Contains("sunday closed", prompt);
        Assert.Contains("the day", prompt);
        Assert.EndsWith("\ny el viernes a la tarde?", prompt);
    }

    [Fact]
    public async Task UnderstandAsync_WithoutPhotos_SendsTextOnly_AndAsksNoPhotoSummary()
    {
        var request = await SendAsync("quiero un corte");

        Assert.Empty(FakeChatCompletions.Images(request));
        Assert.Null(request["response_format"]!["json_schema"]!["schema"]!["properties"]!["photo_summary"]);
        Assert.DoesNotContain("Photos:", FakeChatCompletions.Text(request));
    }

    /// <summary>Content is a string, or an array of text parts; the SDK may send either.</summary>
    private static string Text(JsonNode content) => content is JsonArray parts
        ? string.Concat(parts.Select(p => p!["text"]!.GetValue<string>()))
        : content.GetValue<string>();

    [Fact]
    public async Task UnderstandAsync_Request_AsksForStrictSchemaWithCatalogIds()
    {
        var request = await SendAsync("hola");

        Assert.Equal("gpt-4o-mini", request["model"]!.GetValue<string>());
        Assert.Equal(0, request["temperature"]!.GetValue<double>());
        var format = request["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        var schema = format["json_schema"]!["schema"]!;
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).Order();
        Assert.Equal(properties, schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        var serviceIds = schema["properties"]!["service_id"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>());
        Assert.Equal(["corte", "coloracion", "manicura", "barba", "peinado", null], serviceIds);
        Assert.Contains("confirm_yes", schema["properties"]!["intent"]!["enum"]!.ToJsonString());
    }

    [Fact]
    public async Task UnderstandAsync_EndpointWithoutTrailingSlash_ReachesChatCompletions()
    {
        var endpoint = new Uri(_fake.Endpoint.ToString().TrimEnd('/'));

        await SendAsync("hola", endpoint: endpoint);
    }
}
