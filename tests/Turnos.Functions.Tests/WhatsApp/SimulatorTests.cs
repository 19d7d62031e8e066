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

    /// <summary>Development without a Twilio account: replies go to the local sink, which the simulator reads.</summary>
    private static readonly Dictionary<string, string?> NoTwilioAccount = new() { ["Twilio:AccountSid"] = null };

    [Fact]
    public async Task Send_InDevelopment_GoesThroughTheSignedWebhookOverHttp()
    {
        // A real port: the simulator posts to the app's own address, as it does under `run.sh`.
        await using var app = await WhatsAppApp.StartAsync(azurite, NoTwilioAccount, kestrel: true);

        var response = await app.Client.PostAsJsonAsync("/api/simulador/send",
            new { businessNumber = DemoNumber, from = "+5491155550000", text = "quiero un corte el martes a las 10", profileName = "Lucía" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("status").GetInt32());
        var replies = string.Join("\n", body.GetProperty("replies").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("*Peluquería Demo*", replies);
        Assert.Contains("¿A nombre de quién", replies);
        var sid = body.GetProperty("messageSid").GetString()!;
        Assert.Matches("^SM[0-9a-f]{32}$", sid);
        Assert.Equal("demo", await app.QueuedInAsync(sid));
        Assert.Empty(app.Twilio.Delivered);
    }

    [Fact]
    public async Task Send_WithTheLocalDevToken_IsSignedWithIt()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite,
            new Dictionary<string, string?>(NoTwilioAccount) { ["Twilio:AuthToken"] = null, ["Twilio:PublicBaseUrl"] = null }, kestrel: true);

        var response = await app.Client.PostAsJsonAsync("/api/simulador/send", new { businessNumber = BarberNumber, from = "+5491155550000", text = "hola" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("*Barbería Norte*", string.Join("\n", body.GetProperty("replies").EnumerateArray().Select(r => r.GetString())));
        Assert.Equal("barberia", await app.QueuedInAsync(body.GetProperty("messageSid").GetString()!));
    }

    [Fact]
    public async Task Page_InDevelopment_ServesTheChatAndTheNumbers()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);

        var page = await app.Client.GetAsync("/api/simulador");
        var chats = await app.Client.GetFromJsonAsync<JsonElement>("/api/simulador/negocios");

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
        await using var app = await WhatsAppApp.StartAsync(azurite);

        var response = await app.Client.PostAsJsonAsync("/api/simulador/send", new { businessNumber = number, from, text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Simulator_InProduction_DoesNotExist()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite, Production, environment: "Production");

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/simulador")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsJsonAsync("/api/simulador/send", new { text = "hola" })).StatusCode);
        Assert.Contains("*Peluquería Demo*", string.Join("\n", await app.ExchangeAsync(Form("hola"), "demo")));
    }

    [Fact]
    public async Task Simulator_InProductionWhenEnabled_Exists()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite, new Dictionary<string, string?>(Production) { ["Simulator:Enabled"] = "true" }, environment: "Production");

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/simulador")).StatusCode);
    }
}
