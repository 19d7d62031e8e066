using Microsoft.Playwright;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.WebConsole;

/// <summary>
/// Debian's Chromium, driven by Playwright through its executable path (Playwright's own browser downloads are
/// never used: this machine has no network but the package registries).
/// </summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>TURNOS_CHROMIUM overrides the usual places.</summary>
    public static string? ExecutablePath { get; } =
        new[] { Environment.GetEnvironmentVariable("TURNOS_CHROMIUM") }.Concat(Candidates).FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    /// <summary>CI=anything: a missing browser fails the tests instead of skipping them.</summary>
    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public const string Missing =
        "Chromium is not installed (Debian: apt-get install chromium; scripts/test.sh installs it). Browser tests are skipped outside CI.";

    /// <summary>No sandbox (root in a container), no GPU, and nothing that tries the network.</summary>
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var path = ExecutablePath ?? throw new InvalidOperationException(
            $"{Missing} CI is set, so this is a failure: looked for {string.Join(", ", Candidates)} and TURNOS_CHROMIUM.");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root (git-ignored).</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults", "screenshots")).FullName;
}

/// <summary>A browser test: skipped with a message when Chromium is missing, unless CI is set (then it fails).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = SkipReason(Chromium.ExecutablePath, Chromium.IsCi);

    /// <summary>Skipped only when the browser is missing and this is not CI.</summary>
    internal static string? SkipReason(string? executablePath, bool ci) => executablePath is null && !ci ? Chromium.Missing : null;
}

/// <summary>One Chromium for a test class, started on first use (so a class whose tests are all skipped never starts it).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<IBrowser> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is null) (_playwright, _browser) = await Chromium.LaunchAsync();
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
