using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Turnos.Functions.Tests.Admin.WebConsole;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Widget;

/// <summary>
/// A business's own web site — a plain HTML page with the one script tag, on its own loopback port, so another origin
/// than the app's — and the app on a real port (Kestrel) with the demo business allowing only that site's origin. The same
/// page is also reachable as <see cref="OtherOrigin"/> (localhost instead of 127.0.0.1), a site the business did not list.
/// </summary>
internal sealed class WidgetSite : IAsyncDisposable
{
    private readonly WebApplication _site;
    private readonly List<IBrowserContext> _contexts = [];
    private string _app = "";

    private WidgetSite(WebApplication site, string origin)
    {
        _site = site;
        Origin = origin;
        OtherOrigin = origin.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
    }

    public static async Task<WidgetSite> StartAsync(AzuriteFixture azurite)
    {
        WidgetSite? self = null;
        var (site, origin) = await LoopbackServer.StartAsync(app => app.MapGet("/", () => Results.Content(self!.Page(), "text/html; charset=utf-8")));
        self = new WidgetSite(site, origin);
        self.App = WidgetCalls.App(azurite, [origin]);
        self.App.UseKestrel(0);
        self.App.StartServer();
        var address = self.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self._app = address.Replace("//[::]", "//127.0.0.1").Replace("//localhost", "//127.0.0.1").TrimEnd('/');
        return self;
    }

    public TurnosFactory App { get; private set; } = null!;

    /// <summary>The site's origin, which the business allows (http://127.0.0.1:port).</summary>
    public string Origin { get; }

    /// <summary>The same site by another name: an origin the business does not allow.</summary>
    public string OtherOrigin { get; }

    /// <summary>The business's page: its own content and style, and the widget's one tag (no favicon request either).</summary>
    private string Page() => $$"""
        <!doctype html>
        <html lang="es">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Peluquería Demo</title>
          <link rel="icon" href="data:,">
          <style>body { font-family: Georgia, serif; color: #400; margin: 40px; } div, button, h2 { border: 2px dashed red; }</style>
        </head>
        <body>
          <h1>Peluquería Demo</h1>
          <p>Cortes, color y peinados en el centro. Reservá tu turno por el chat.</p>
          <script src="{{_app}}/api/widget.js" data-negocio="demo" defer></script>
        </body>
        </html>
        """;

    /// <summary>The page in a browser of its own, watched for problems (<see cref="BrowserProblems"/>) from its first request.</summary>
    public async Task<(IPage Page, List<string> Problems)> OpenAsync(IBrowser browser, string origin, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "es-AR",
        });
        _contexts.Add(context);
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var problems = BrowserProblems.Watch(page);
        await page.GotoAsync(origin + "/");
        return (page, problems);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        await App.DisposeAsync();
        await _site.DisposeAsync();
    }
}
