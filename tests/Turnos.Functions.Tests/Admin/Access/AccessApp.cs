using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Admin;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Calendar.GoogleApi;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Access;

/// <summary>The app on Azurite with two businesses — A is the demo salon, B "Barbería Norte" — and clients by key.</summary>
internal sealed class AccessApp : IAsyncDisposable
{
    public const string A = Demo.Id;
    public const string B = "barberia";

    /// <summary>Names only B's data holds: a response to a key of A that contains one has leaked B.</summary>
    public static readonly string[] BOnlyText = ["Barbería Norte", "Tito Ruiz"];

    private readonly TurnosFactory _root;
    private readonly List<HttpClient> _clients = [];

    public AccessApp(AzuriteFixture azurite, string environment = "Development")
    {
        // Outside Development the app insists on Twilio's settings.
        _root = new TurnosFactory(azurite, seedFile: TwoBusinessSeed.Value, settings: new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = "test-auth-token",
            ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Twilio:PublicBaseUrl"] = "https://turnos.example.com",
        });
        Factory = _root.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(Logs));
        });
        _ = Factory.Services; // starts it: tables, seed
    }

    public WebApplicationFactory<LocalHostOptions> Factory { get; }

    public ManualTimeProvider Clock => _root.Clock;

    public LogCapture Logs { get; } = new();

    public ApiKeyStore Keys => Factory.Services.GetRequiredService<ApiKeyStore>();

    public TableClient KeyTable => Factory.Services.GetRequiredService<ApiKeyTable>().Table;

    /// <summary>A client sending <paramref name="key"/> as its bearer key (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _clients.Add(client);
        return client;
    }

    public HttpClient Platform => Client(TurnosFactory.AdminKey);

    /// <summary>A key made through the API by the configured platform key; returns the 201 body.</summary>
    public async Task<JsonElement> CreateKeyAsync(string role, string businessId, string? name = null)
    {
        var response = await Platform.PostAsJsonAsync($"/api/admin/businesses/{businessId}/keys", new { role, name = name ?? $"{role} of {businessId}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> KeyAsync(string role, string businessId) =>
        (await CreateKeyAsync(role, businessId)).GetProperty("key").GetString()!;

    /// <summary>Every value of every row of the keys table, as text.</summary>
    public async Task<List<string>> KeyTableTextAsync()
    {
        var values = new List<string>();
        await foreach (var row in KeyTable.QueryAsync<TableEntity>())
            values.AddRange(((IDictionary<string, object>)row).Values.Select(v => v switch { byte[] b => Convert.ToBase64String(b), _ => v?.ToString() ?? "" }));
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
    }

    /// <summary>The demo seed plus business B, with its own number, catalog and professional.</summary>
    private static readonly Lazy<string> TwoBusinessSeed = new(() =>
    {
        var seed = JsonNode.Parse(File.ReadAllText(RepoPaths.DemoSeed))!;
        seed["businesses"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "barberia", "name": "Barbería Norte", "timeZone": "America/Argentina/Buenos_Aires", "currency": "ARS",
              "whatsAppNumbers": ["+14155550177"], "hours": { "tuesday": ["10:00-18:00"] },
              "services": [{ "id": "corte", "name": "Corte clásico", "durationMinutes": 30, "price": 4000 }],
              "professionals": [{ "id": "tito", "name": "Tito Ruiz", "services": ["corte"] }] }
            """));
        var path = Path.Combine(Path.GetTempPath(), $"turnos-access-seed-{Environment.ProcessId}.json");
        File.WriteAllText(path, seed.ToJsonString());
        return path;
    });
}
