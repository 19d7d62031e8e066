using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Functions.Tests.WhatsApp.WhatsAppApp;

namespace Turnos.Functions.Tests.WhatsApp;

[Collection("Azurite")]
public sealed class SimulatorTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> Production = new() { ["Twilio:PublicBaseUrl"] = PublicBase, ["Twilio:AuthToken"] = Token };

    [Fact]
    public async Task Send_InDevelopment_GoesThroughTheSignedWebhookOverHttp()
    {
        // A real port: the simulator posts to the app's own address, as it does under `run.sh`.
        await using var app = new WhatsAppApp(azurite, kestrel: true);
        app.Turns.Reply = (m, _) => Task.FromResult<IReadOnlyList<string>>([$"¡Hola {m.ProfileName}! Recibí: {m.Text}"]);

        var response = await app.Client.PostAsJsonAsync("/simulador/send",
            new { businessNumber = DemoNumber, from = "+5491155550000", text = "quiero un turno", profileName = "Lucía" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("status").GetInt32());
        Assert.Equal(["¡Hola Lucía! Recibí: quiero un turno"], body.GetProperty("replies").EnumerateArray().Select(r => r.GetString()));
        var sid = body.GetProperty("messageSid").GetString()!;
        Assert.Matches("^SM[0-9a-f]{32}$", sid);
        var call = Assert.Single(app.Turns.Calls);
        Assert.Equal(("demo", "+5491155550000", sid), (call.BusinessId, call.CustomerPhone, call.MessageSid));
        Assert.Equal("done", (await app.MessageRowAsync(sid))!.GetString("State"));
    }

    [Fact]
    public async Task Send_WithTheLocalDevToken_IsSignedWithIt()
    {
        await using var app = new WhatsAppApp(azurite, new Dictionary<string, string?> { ["Twilio:AuthToken"] = null, ["Twilio:PublicBaseUrl"] = null }, kestrel: true);

        var response = await app.Client.PostAsJsonAsync("/simulador/send", new { businessNumber = BarberNumber, from = "+5491155550000", text = "hola" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["eco: hola"], body.GetProperty("replies").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("barberia", Assert.Single(app.Turns.Calls).BusinessId);
    }

    [Fact]
    public async Task Page_InDevelopment_ServesTheChatAndTheNumbers()
    {
        await using var app = new WhatsAppApp(azurite);

        var page = await app.Client.GetAsync("/simulador");
        var chats = await app.Client.GetFromJsonAsync<JsonElement>("/simulador/negocios");

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Simulador de WhatsApp", await page.Content.ReadAsStringAsync());
        Assert.Equal(
            new[] { $"Barbería Norte {BarberNumber}", $"Número compartido {SharedNumber}", $"Peluquería Demo {DemoNumber}" },
            chats.GetProperty("chats").EnumerateArray().Select(c => $"{c.GetProperty("name")} {c.GetProperty("number")}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("14155238886", "+5491155550000", "hola", "businessNumber")]
    [InlineData("+14155238886", "abc", "hola", "from")]
    [InlineData("+14155238886", "+5491155550000", " ", "text")]
    public async Task Send_InvalidInput_Returns400NamingTheField(string number, string from, string text, string field)
    {
        await using var app = new WhatsAppApp(azurite);

        var response = await app.Client.PostAsJsonAsync("/simulador/send", new { businessNumber = number, from, text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Turns.Calls);
    }

    [Fact]
    public async Task Simulator_InProduction_DoesNotExist()
    {
        await using var app = new WhatsAppApp(azurite, Production, environment: "Production");

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/simulador")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsJsonAsync("/simulador/send", new { text = "hola" })).StatusCode);
        Assert.Equal(["eco: hola"], await RepliesAsync(await app.PostAsync(Form("hola"))));
    }

    [Fact]
    public async Task Simulator_InProductionWhenEnabled_Exists()
    {
        await using var app = new WhatsAppApp(azurite, new Dictionary<string, string?>(Production) { ["Simulator:Enabled"] = "true" }, environment: "Production");

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/simulador")).StatusCode);
    }
}
