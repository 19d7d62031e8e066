using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp.Outbound;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>
/// The real app on Azurite (two businesses, a shared number) with Twilio's two sides: signed webhook posts in, and a
/// fake Messages API where the replies arrive.
/// </summary>
internal sealed class WhatsAppApp : IAsyncDisposable
{
    public const string Token = "test-auth-token";
    public const string PublicBase = "https://turnos.example.com";
    public const string DemoNumber = "+14155238886";
    public const string BarberNumber = "+14155550100";
    public const string SharedNumber = "+14155550199";
    public const string Customer = "+5491155550001";

    private readonly TurnosFactory _root;

    private WhatsAppApp(AzuriteFixture azurite, FakeTwilioMessages twilio, IReadOnlyDictionary<string, string?>? settings,
        string environment, bool kestrel)
    {
        Twilio = twilio;
        var all = new Dictionary<string, string?>(TwilioSide.Settings(twilio))
        {
            ["Twilio:SharedNumbers:0"] = SharedNumber,
        };
        // A null value leaves the setting out altogether.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            if (value is null) all.Remove(key);
            else all[key] = value;
        _root = new TurnosFactory(azurite, seedFile: TwoBusinessSeed.Value, settings: all);
        Factory = _root.WithWebHostBuilder(b => b.UseEnvironment(environment));
        if (kestrel)
        {
            Factory.UseKestrel(0);
            Factory.StartServer();
        }
    }

    /// <summary>The app; with a <paramref name="settings"/> value of null a setting is left out (the Twilio ones too).</summary>
    public static async Task<WhatsAppApp> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null,
        string environment = "Development", bool kestrel = false) =>
        new(azurite, await FakeTwilioMessages.StartAsync(), settings, environment, kestrel);

    public FakeTwilioMessages Twilio { get; }

    /// <summary>The tables it uses: start another app with this as <c>Storage:TablePrefix</c> to restart it on its data.</summary>
    public string TablePrefix =>
        Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Turnos.Functions.Hosting.StorageOptions>>().Value.TablePrefix;

    private TwilioSide Side => new(Twilio, Client, Services);

    /// <summary>Posts the message and returns what its sender got back for it (see <see cref="TwilioSide.ExchangeAsync"/>).</summary>
    public Task<IReadOnlyList<string>> ExchangeAsync(IReadOnlyDictionary<string, string> form, string? businessId) =>
        Side.ExchangeAsync(form, businessId);

    /// <summary>Everything delivered to <paramref name="customer"/> so far.</summary>
    public IReadOnlyList<string> DeliveredTo(string customer = Customer) => Side.DeliveredTo(customer);

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
    public Task<HttpResponseMessage> PostAsync(IReadOnlyDictionary<string, string> form, string? signature = null, bool sign = true) =>
        TwilioSide.PostAsync(Client, form, signature, sign);

    /// <summary>The message log's row for a MessageSid: written for messages to a shared number only.</summary>
    public Task<TableEntity?> MessageRowAsync(string sid) =>
        Services.GetRequiredService<WhatsAppTables>().Messages.FindAsync(WhatsAppTables.MessagePartition(sid), sid);

    /// <summary>The business whose conversation inbox queued this MessageSid (the webhook handed it over), or null.</summary>
    public async Task<string?> QueuedInAsync(string sid)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ConversationInbox.SeenKey(sid)}");
        await foreach (var row in Services.GetRequiredService<WhatsAppTables>().Messages.QueryAsync<TableEntity>(filter))
            return row.PartitionKey.Split('|')[1];
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        await Twilio.DisposeAsync();
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
