using System.Text.Json;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.WhatsApp.Simulator;
using static Turnos.Functions.Tests.WhatsApp.WhatsAppApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>The simulator's functions (<c>/api/simulador…</c>), called directly: the page and its files, the numbers and a
/// message through the signed webhook in Development; 404 everywhere when the simulator is off.</summary>
[Collection("Azurite")]
public sealed class SimulatorFunctionsTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> Production = new() { ["Twilio:PublicBaseUrl"] = PublicBase, ["Twilio:AuthToken"] = Token };

    [Fact]
    public async Task Page_AndItsFiles_AreServed_AndTheSlashFormIsSentToThePage()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);

        var page = await PageAsync(app, "/api/simulador", null);
        var script = await PageAsync(app, "/api/simulador/simulador.js", "simulador.js");
        var slash = await PageAsync(app, "/api/simulador/?x=1", null);
        var missing = await PageAsync(app, "/api/simulador/nada.js", "nada.js");

        Assert.Equal(200, page.Status);
        Assert.Equal(SimulatorHandlers.Assets.Get("simulador.html").Text, page.Body);
        Assert.Contains("href=\"simulador/simulador.css\"", page.Body);
        Assert.Equal(SimulatorHandlers.Assets.Get("simulador.js").Text, script.Body);
        Assert.Equal("text/javascript; charset=utf-8", script.ContentType);
        Assert.Equal((302, "/api/simulador?x=1"), (slash.Status, slash.Headers.Location.ToString()));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Businesses_ListsTheNumbers()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);
        using var call = new FunctionCall(app.Services, "GET", "/api/simulador/negocios");

        var answer = await call.AnswerAsync(call.Function<SimulatorFunctions>().Businesses(call.Request, default));

        Assert.Equal(200, answer.Status);
        var numbers = JsonDocument.Parse(answer.Body).RootElement.GetProperty("chats").EnumerateArray().Select(c => c.GetProperty("number").GetString());
        Assert.Equal([DemoNumber, BarberNumber, SharedNumber], numbers.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "businessNumber": "14155238886", "from": "+5491155550000", "text": "hola" }""", "businessNumber")]
    [InlineData("""{ "businessNumber": "+14155238886", "from": "+5491155550000", "text": 5 }""", "text")]
    [InlineData("{ not json", "body")]
    [InlineData("", "body")]
    public async Task Send_InvalidInput_Is400NamingTheField(string json, string field)
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);
        using var call = new FunctionCall(app.Services, "POST", "/api/simulador/send", body: json);

        var answer = await call.AnswerAsync(call.Function<SimulatorFunctions>().Send(call.Request, default));

        Assert.Equal(400, answer.Status);
        Assert.True(JsonDocument.Parse(answer.Body).RootElement.GetProperty("errors").TryGetProperty(field, out _), answer.Body);
    }

    [Fact]
    public async Task InProduction_EveryFunctionIs404_AsAnUnknownRoute()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite, Production, environment: "Production");
        using var page = new FunctionCall(app.Services, "GET", "/api/simulador");
        using var list = new FunctionCall(app.Services, "GET", "/api/simulador/negocios");
        using var send = new FunctionCall(app.Services, "POST", "/api/simulador/send", body: """{ "text": "hola" }""");

        var answers = new[]
        {
            await page.AnswerAsync(page.Function<SimulatorFunctions>().Page(page.Request, null)),
            await list.AnswerAsync(list.Function<SimulatorFunctions>().Businesses(list.Request, default)),
            await send.AnswerAsync(send.Function<SimulatorFunctions>().Send(send.Request, default)),
        };

        Assert.All(answers, a => Assert.Equal((404, "application/problem+json"), (a.Status, a.ContentType)));
    }

    [Fact]
    public async Task InProductionWhenEnabled_ThePageIsServed()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite, new Dictionary<string, string?>(Production) { ["Simulator:Enabled"] = "true" }, environment: "Production");

        Assert.Equal(200, (await PageAsync(app, "/api/simulador", null)).Status);
    }

    private static async Task<FunctionAnswer> PageAsync(WhatsAppApp app, string path, string? file)
    {
        using var call = new FunctionCall(app.Services, "GET", path);
        return await call.AnswerAsync(call.Function<SimulatorFunctions>().Page(call.Request, file));
    }
}
