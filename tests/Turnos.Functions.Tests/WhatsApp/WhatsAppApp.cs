using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Turnos.Functions.Conversations;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>A conversation engine that records what reached it and answers as the test says (by default, an echo).</summary>
public sealed class FakeTurns : IConversationTurns
{
    public ConcurrentQueue<InboundMessage> Calls { get; } = new();

    public Func<InboundMessage, CancellationToken, Task<IReadOnlyList<string>>> Reply { get; set; } =
        (m, _) => Task.FromResult<IReadOnlyList<string>>([$"eco: {m.Text}"]);

    public async Task<IReadOnlyList<string>> HandleAsync(InboundMessage message, CancellationToken ct)
    {
        Calls.Enqueue(message);
        return await Reply(message, ct);
    }
}

/// <summary>The real app on Azurite with a fake conversation engine, and Twilio's side of the webhook.</summary>
public sealed class WhatsAppApp : IAsyncDisposable
{
    public const string Token = "test-auth-token";
    public const string PublicBase = "https://turnos.example.com";
    public const string DemoNumber = "+14155238886";
    public const string BarberNumber = "+14155550100";
    public const string SharedNumber = "+14155550199";
    public const string Customer = "+5491155550001";

    private readonly TurnosFactory _root;

    public WhatsAppApp(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null,
        string environment = "Development", bool kestrel = false)
    {
        var all = new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = Token,
            ["Twilio:PublicBaseUrl"] = PublicBase,
            ["Twilio:SharedNumbers:0"] = SharedNumber,
        };
        // A null value leaves the setting out altogether.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            if (value is null) all.Remove(key);
            else all[key] = value;
        _root = new TurnosFactory(azurite, seedFile: TwoBusinessSeed.Value, settings: all);
        Factory = _root.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.ConfigureTestServices(s =>
            {
                s.RemoveAll<IConversationTurns>();
                s.AddSingleton<IConversationTurns>(Turns);
            });
        });
        if (kestrel)
        {
            Factory.UseKestrel(0);
            Factory.StartServer();
        }
    }

    public FakeTurns Turns { get; } = new();

    public WebApplicationFactory<LocalHostOptions> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public HttpClient Client => _client ??= Factory.CreateClient();
    private HttpClient? _client;

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    public static Dictionary<string, string> Form(string body, string? sid = null, string from = Customer, string to = DemoNumber) => new()
    {
        ["MessageSid"] = sid ?? NewSid(),
        ["AccountSid"] = "AC" + new string('0', 32),
        ["From"] = "whatsapp:" + from,
        ["To"] = "whatsapp:" + to,
        ["Body"] = body,
        ["NumMedia"] = "0",
        ["ProfileName"] = "Ana",
        ["WaId"] = from.TrimStart('+'),
    };

    /// <summary>Posts the form as Twilio would, signed for the public URL unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PostAsync(IReadOnlyDictionary<string, string> form, string? signature = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/whatsapp") { Content = new FormUrlEncodedContent(form) };
        if (sign) request.Headers.Add(TwilioSignature.Header, signature ?? TwilioSignature.Compute(Token, PublicBase + "/api/whatsapp", form));
        return await Client.SendAsync(request);
    }

    /// <summary>The texts of the TwiML answer, after checking it is a 200 TwiML answer.</summary>
    public static async Task<IReadOnlyList<string>> RepliesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        return [.. xml.Root.Elements("Message").Select(m => m.Value)];
    }

    public Task<TableEntity?> MessageRowAsync(string sid) =>
        Services.GetRequiredService<WhatsAppTables>().Messages.FindAsync(WhatsAppTables.MessagePartition(sid), sid);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
    }

    /// <summary>The demo seed plus a second business, "Barbería Norte" (code barberia).</summary>
    private static readonly Lazy<string> TwoBusinessSeed = new(() =>
    {
        var seed = JsonNode.Parse(File.ReadAllText(RepoPaths.DemoSeed))!;
        seed["businesses"]!.AsArray().Add(JsonNode.Parse($$"""
            { "id": "barberia", "name": "Barbería Norte", "timeZone": "America/Argentina/Buenos_Aires", "currency": "ARS",
              "whatsAppNumbers": ["{{BarberNumber}}"] }
            """));
        var path = Path.Combine(Path.GetTempPath(), $"turnos-whatsapp-seed-{Environment.ProcessId}.json");
        File.WriteAllText(path, seed.ToJsonString());
        return path;
    });
}
