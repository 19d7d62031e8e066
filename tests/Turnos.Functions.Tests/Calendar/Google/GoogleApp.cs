using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Google.Apis.Util.Store;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Calendar;
using Turnos.Functions.Calendar.GoogleApi;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

/// <summary>The real app on Azurite, its Google side pointed at <see cref="FakeGoogle"/>, its token vault in memory;
/// two businesses (demo and "Barbería Norte") and an admin client.</summary>
internal sealed partial class GoogleApp : IAsyncDisposable
{
    public const string PublicBase = "https://turnos.example.com";
    public const string Barber = "barberia";

    private readonly TurnosFactory _root;

    private GoogleApp(AzuriteFixture azurite, FakeGoogle google, IReadOnlyDictionary<string, string?>? settings, MemoryTokenVault? vault = null)
    {
        _azurite = azurite;
        Google = google;
        Vault = vault ?? new MemoryTokenVault();
        var all = google.Settings();
        all["Twilio:PublicBaseUrl"] = PublicBase;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        Store = new MemoryVaultDataStore(Vault);
        _root = new TurnosFactory(azurite, seedFile: TwoBusinessSeed.Value, settings: all);
        Factory = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(Logs);
            s.RemoveAll<ITokenVault>();
            s.AddSingleton<ITokenVault>(Vault);
            s.RemoveAll<IDataStore>();
            s.AddSingleton<IDataStore>(Store);
        }));
        Admin = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TurnosFactory.AdminKey);
        Browser = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public static async Task<GoogleApp> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(azurite, await FakeGoogle.StartAsync(), settings);

    public FakeGoogle Google { get; }

    public MemoryTokenVault Vault { get; }

    /// <summary>Every log line the app wrote, at every level.</summary>
    public LogCapture Logs { get; } = new();

    public MemoryVaultDataStore Store { get; }

    public WebApplicationFactory<LocalHostOptions> Factory { get; }

    public ManualTimeProvider Clock => _root.Clock;

    /// <summary>Sends the admin key.</summary>
    public HttpClient Admin { get; }

    /// <summary>A person's browser: no admin key, redirects not followed.</summary>
    public HttpClient Browser { get; }

    /// <summary>Talks to the fake Google as the browser would (redirects not followed).</summary>
    public HttpClient GoogleBrowser { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public IGoogleCalendar Calendar => Factory.Services.GetRequiredService<IGoogleCalendar>();

    public TableClient CalendarTable => Factory.Services.GetRequiredService<CalendarTable>().Table;

    public async Task<JsonElement> ConnectLinkAsync(string businessId)
    {
        var response = await Admin.PostAsync($"/api/admin/businesses/{businessId}/calendar/connect", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>What the person's browser does on Google's consent page: Google redirects back to Turnos.</summary>
    public async Task<Uri> ConsentAsync(string authorizationUrl, string account)
    {
        Google.ConsentingAccount = account;
        var google = await GoogleBrowser.GetAsync(authorizationUrl);
        Assert.Equal(HttpStatusCode.Redirect, google.StatusCode);
        return google.Headers.Location!;
    }

    /// <summary>Follows a redirect back to Turnos (whose public origin the test server does not listen on).</summary>
    public Task<HttpResponseMessage> BrowseAsync(Uri turnosUrl) => Browser.GetAsync(turnosUrl.PathAndQuery);

    /// <summary>The whole connect flow, as an admin and the business's staff go through it.</summary>
    public async Task<HttpResponseMessage> ConnectAsync(string businessId, string account)
    {
        var link = await ConnectLinkAsync(businessId);
        var callback = await ConsentAsync(link.GetProperty("authorizationUrl").GetString()!, account);
        var page = await BrowseAsync(callback);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return page;
    }

    public async Task<JsonElement> StatusAsync(string businessId) =>
        await Admin.GetFromJsonAsync<JsonElement>($"/api/admin/businesses/{businessId}/calendar");

    /// <summary>An appointment's event as the calendar sync builds it (the demo salon, Tuesday 24 at <paramref name="hour"/>).</summary>
    public static CalendarEvent Event(string id, int hour = 10, bool meet = false) => new(id, "Corte de cabello — Ana Pérez",
        "Reserva ABC123 hecha con Turnos.", Demo.At(2026, 11, 24, hour), Demo.At(2026, 11, 24, hour, 30),
        "America/Argentina/Buenos_Aires", ["lucia@example.com", "ana@example.com"], meet);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Browser.Dispose();
        GoogleBrowser.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        if (!_handedOver) await Google.DisposeAsync();
    }

    /// <summary>The demo seed plus "Barbería Norte" (id barberia).</summary>
    private static readonly Lazy<string> TwoBusinessSeed = new(() =>
    {
        var seed = JsonNode.Parse(File.ReadAllText(RepoPaths.DemoSeed))!;
        seed["businesses"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "barberia", "name": "Barbería Norte", "timeZone": "America/Argentina/Buenos_Aires", "currency": "ARS",
              "whatsAppNumbers": ["+14155550100"] }
            """));
        var path = Path.Combine(Path.GetTempPath(), $"turnos-google-seed-{Environment.ProcessId}.json");
        File.WriteAllText(path, seed.ToJsonString());
        return path;
    });
}

/// <summary>Keeps every formatted log line (with exceptions), to check no token ever reaches a log.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}
