using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.Conversations;

/// <summary>The whole app — real conversation engine, rules understanding, Azurite — reached the way
/// Twilio reaches it: signed form posts to /api/whatsapp.</summary>
public sealed class ChatApp : IAsyncDisposable
{
    public const string BarberNumber = "+14155550100";

    private readonly TurnosFactory _app;
    private readonly HttpClient _client;

    public ChatApp(AzuriteFixture azurite)
    {
        _app = new TurnosFactory(azurite, seedFile: Seed.Value, settings: new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = WhatsAppApp.Token,
            ["Twilio:PublicBaseUrl"] = WhatsAppApp.PublicBase,
        });
        _client = _app.CreateClient();
    }

    public TurnosFactory App => _app;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Sends a customer's message and returns the assistant's replies joined, one per line.</summary>
    public async Task<string> SayAsync(string text, string from = WhatsAppApp.Customer, string to = WhatsAppApp.DemoNumber, string? sid = null) =>
        string.Join("\n", await RepliesAsync(text, from, to, sid));

    public async Task<IReadOnlyList<string>> RepliesAsync(string text, string from = WhatsAppApp.Customer, string to = WhatsAppApp.DemoNumber, string? sid = null)
    {
        var form = WhatsAppApp.Form(text, sid, from, to);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/whatsapp") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(WhatsAppApp.Token, WhatsAppApp.PublicBase + "/api/whatsapp", form));
        return await WhatsAppApp.RepliesAsync(await _client.SendAsync(request));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
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
