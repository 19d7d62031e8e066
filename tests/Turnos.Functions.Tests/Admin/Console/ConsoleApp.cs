using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Apis.Util.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Calendar.GoogleApi;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.WebConsole;

/// <summary>
/// The real app on a real port (Kestrel) against Azurite with the demo seed, its Google side pointed at
/// <see cref="FakeGoogle"/> and its token vault in memory; and a Chromium page whose clock reads the app's
/// (Monday 2026-11-23, 12:00 in Buenos Aires). No public origin is set, so Google's redirect comes back to
/// the port the browser uses.
/// </summary>
internal sealed class ConsoleApp : IAsyncDisposable
{
    private readonly TurnosFactory _root;
    private readonly List<string> _pageErrors = [];

    private ConsoleApp(AzuriteFixture azurite, FakeGoogle google)
    {
        Google = google;
        var store = new MemoryVaultDataStore(Vault);
        _root = new TurnosFactory(azurite, settings: google.Settings());
        Factory = _root.WithWebHostBuilder(b => b
            // A free port of the loopback (the app otherwise listens on 7071, which a running ./scripts/run.sh holds).
            .UseSetting("urls", "http://127.0.0.1:0")
            .ConfigureTestServices(s =>
        {
            s.RemoveAll<ITokenVault>();
            s.AddSingleton<ITokenVault>(Vault);
            s.RemoveAll<IDataStore>();
            s.AddSingleton<IDataStore>(store);
        }));
        Factory.UseKestrel(0);
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The app is not listening on a port.");
        BaseUri = new Uri(address.Replace("//[::]", "//127.0.0.1").Replace("//localhost", "//127.0.0.1").TrimEnd('/') + "/");
        Admin = new HttpClient { BaseAddress = BaseUri };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TurnosFactory.AdminKey);
    }

    public static async Task<ConsoleApp> StartAsync(AzuriteFixture azurite, BrowserFixture browser)
    {
        var app = new ConsoleApp(azurite, await FakeGoogle.StartAsync());
        try
        {
            await app.OpenAsync(await browser.GetAsync());
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public FakeGoogle Google { get; }

    public MemoryTokenVault Vault { get; } = new();

    public WebApplicationFactory<LocalHostOptions> Factory { get; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; }

    /// <summary>The API with the platform key, for arranging and checking what the browser did.</summary>
    public HttpClient Admin { get; }

    public IBrowserContext Context { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    public ManualTimeProvider Clock => _root.Clock;

    /// <summary>JavaScript errors the page threw (none expected).</summary>
    public IReadOnlyList<string> PageErrors => _pageErrors;

    private async Task OpenAsync(IBrowser browser)
    {
        Context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "es-AR",
            TimezoneId = "America/Argentina/Buenos_Aires",
        });
        Context.SetDefaultTimeout(15_000);
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = BaseUri.GetLeftPart(UriPartial.Authority) });
        // The page's "today" is the app's.
        await Context.Clock.SetFixedTimeAsync(TurnosFactory.DefaultNow.UtcDateTime);
        Page = await Context.NewPageAsync();
        Page.PageError += (_, error) => _pageErrors.Add(error);
    }

    /// <summary>Opens the console (signing in first when a key is given).</summary>
    public async Task GoToConsoleAsync(string? key = TurnosFactory.AdminKey, string hash = "")
    {
        await Page.GotoAsync("admin/" + hash);
        if (key is null) return;
        await Page.GetByLabel("Clave de acceso").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Page.Locator("main h1").First.WaitForAsync();
    }

    /// <summary>The whole page from the top (the sticky bar would otherwise sit where the page was scrolled to), without
    /// the passing notices.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await Page.Mouse.MoveAsync(0, 0);
        await Page.EvaluateAsync("window.scrollTo(0, 0); document.querySelectorAll('.toast').forEach(t => t.remove())");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task<JsonElement> GetJsonAsync(string path) => await Admin.GetFromJsonAsync<JsonElement>(path);

    public async ValueTask DisposeAsync()
    {
        if (Context is not null) await Context.DisposeAsync();
        Admin.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        await Google.DisposeAsync();
    }
}
