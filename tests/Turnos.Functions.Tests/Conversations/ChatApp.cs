using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;
using Turnos.Functions.Tests.WhatsApp.Outbound;

namespace Turnos.Functions.Tests.Conversations;

/// <summary>The whole app — real conversation engine and orchestration, rules understanding, Azurite — reached the way
/// Twilio reaches it: signed form posts to /api/whatsapp, replies read at a fake Twilio Messages API.</summary>
internal sealed class ChatApp : IAsyncDisposable
{
    public const string BarberNumber = "+14155550100";

    private readonly TurnosFactory _app;
    private readonly HttpClient _client;
    private readonly FakeTwilioMessages _twilio;

    private ChatApp(AzuriteFixture azurite, FakeTwilioMessages twilio)
    {
        _twilio = twilio;
        _app = new TurnosFactory(azurite, seedFile: Seed.Value, settings: TwilioSide.Settings(twilio));
        _client = _app.CreateClient();
    }

    public static async Task<ChatApp> StartAsync(AzuriteFixture azurite) => new(azurite, await FakeTwilioMessages.StartAsync());

    public TurnosFactory App => _app;

    /// <summary>The fake Messages API the app sends through (its answers can be set).</summary>
    public FakeTwilioMessages Twilio => _twilio;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Sends a customer's message and returns the assistant's replies joined, one per line.</summary>
    public async Task<string> SayAsync(string text, string from = WhatsAppApp.Customer, string to = WhatsAppApp.DemoNumber, string? sid = null) =>
        string.Join("\n", await RepliesAsync(text, from, to, sid));

    /// <summary>Sends a customer's message and returns the replies its conversation sent back.</summary>
    public Task<IReadOnlyList<string>> RepliesAsync(string text, string from = WhatsAppApp.Customer, string to = WhatsAppApp.DemoNumber, string? sid = null) =>
        new TwilioSide(_twilio, _client, _app.Services).ExchangeAsync(WhatsAppApp.Form(text, sid, from, to), to == BarberNumber ? "barberia" : Demo.Id);

    /// <summary>Every message the fake Twilio accepted for <paramref name="customer"/>, in order.</summary>
    public IReadOnlyList<string> DeliveredTo(string customer = WhatsAppApp.Customer) =>
        [.. _twilio.Delivered.Where(d => d.To == "whatsapp:" + customer).Select(d => d.Body)];

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    /// <summary>The demo seed plus "Barbería Norte", a second business with its own number and catalog.</summary>
    private static readonly Lazy<string> Seed = new(() =>
    {
        var seed = JsonNode.Parse(File.ReadAllText(RepoPaths.DemoSeed))!;
        seed["businesses"]!.AsArray().Add(JsonNode.Parse($$"""
            { "id": "barberia", "name": "Barbería Norte", "timeZone": "America/Argentina/Buenos_Aires", "currency": "ARS",
              "whatsAppNumbers": ["{{BarberNumber}}"], "hours": { "tuesday": ["10:00-18:00"] },
              "services": [{ "id": "corte", "name": "Corte clásico", "durationMinutes": 30, "price": 4000 }],
              "professionals": [{ "id": "tito", "name": "Tito Ruiz", "services": ["corte"] }] }
            """));
        var path = Path.Combine(Path.GetTempPath(), $"turnos-chat-seed-{Environment.ProcessId}.json");
        File.WriteAllText(path, seed.ToJsonString());
        return path;
    });
}
