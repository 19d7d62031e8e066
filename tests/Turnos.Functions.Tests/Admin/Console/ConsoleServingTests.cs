using System.Net;
using System.Text.RegularExpressions;
using Turnos.Functions.Admin.WebConsole;
using Turnos.Functions.WebAssets;
using Turnos.Functions.WhatsApp.Simulator;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.WebConsole;

/// <summary>How the console's files are served (no browser needed): at /api/console/; the local host sends /admin/ there.</summary>
[Collection("Azurite")]
public sealed partial class ConsoleServingTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("/api/console", HttpStatusCode.Redirect, "/api/console/")]
    [InlineData("/admin", HttpStatusCode.PermanentRedirect, "/api/console/")]
    [InlineData("/admin/app.js?v=1", HttpStatusCode.PermanentRedirect, "/api/console/app.js?v=1")]
    public async Task Root_WithoutTheSlash_OrAtTheOldPath_RedirectsToIt(string path, HttpStatusCode status, string location)
    {
        await using var factory = new TurnosFactory(azurite);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/admin/")]
    [InlineData("/api/console/")]
    public async Task Page_IsServedWithoutAKey_WithAStrictContentSecurityPolicy(string root)
    {
        await using var factory = new TurnosFactory(azurite);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(root);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\">", html);
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", html);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task EveryFile_IsServedAtBothRoots_WithItsTypeAndAnETag()
    {
        await using var factory = new TurnosFactory(azurite);
        using var client = factory.CreateClient();

        foreach (var name in AdminConsoleHandlers.Assets.Names)
        {
            var local = await client.GetAsync("/admin/" + name);
            var functions = await client.GetAsync("/api/console/" + name);

            Assert.Equal(HttpStatusCode.OK, local.StatusCode);
            Assert.Equal(await local.Content.ReadAsStringAsync(), await functions.Content.ReadAsStringAsync());
            var expected = Path.GetExtension(name) switch { ".js" => "text/javascript", ".css" => "text/css", _ => "text/html" };
            Assert.Equal(expected, local.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", local.Content.Headers.ContentType?.CharSet);
            var asset = AdminConsoleHandlers.Assets.Find(name)!;
            Assert.Equal(asset.Content, await local.Content.ReadAsByteArrayAsync());
            Assert.Equal(asset.ETag, local.Headers.ETag?.Tag);
            Assert.False(local.Headers.ETag!.IsWeak);
            Assert.Equal(asset.ETag, functions.Headers.ETag?.Tag);

            using var again = new HttpRequestMessage(HttpMethod.Get, "/admin/" + name);
            again.Headers.IfNoneMatch.Add(local.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }
    }

    [Fact]
    public async Task Simulator_ServesItsPageAtSimulador_AndEveryFileBesideIt_WithTypeETagAndTheSamePolicy()
    {
        await using var factory = new TurnosFactory(azurite);
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/simulador");
        var html = SimulatorHandlers.Assets.Find("simulador.html")!;
        Assert.Equal(html.Content, await page.Content.ReadAsByteArrayAsync());
        Assert.Equal(html.ETag, page.Headers.ETag?.Tag);
        // Relative to the page's own address without a trailing slash, so /simulador and /api/simulador both work.
        Assert.Contains("<link rel=\"stylesheet\" href=\"simulador/simulador.css\">", html.Text);
        Assert.Contains("<script src=\"simulador/simulador.js\"></script>", html.Text);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        foreach (var name in SimulatorHandlers.Assets.Names)
            await AssertServedAsync(client, "/simulador/" + name, SimulatorHandlers.Assets.Find(name)!);
        // The literal route still answers with the numbers, not a file.
        Assert.Equal("application/json", (await client.GetAsync("/simulador/negocios")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/simulador/nada.js")).StatusCode);
    }

    [Theory]
    [InlineData("\"otra\", {0}", HttpStatusCode.NotModified)]
    [InlineData("W/{0}", HttpStatusCode.NotModified)]
    [InlineData("*", HttpStatusCode.NotModified)]
    [InlineData("\"0123456789abcdef0123\"", HttpStatusCode.OK)]
    public async Task IfNoneMatch_ListsAndWeakTagsOfThisVersionAre304_AnOldVersionGetsTheFile(string header, HttpStatusCode expected)
    {
        await using var factory = new TurnosFactory(azurite);
        using var client = factory.CreateClient();
        var asset = AdminConsoleHandlers.Assets.Find("app.js")!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/app.js");
        request.Headers.TryAddWithoutValidation("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, header, asset.ETag));
        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(asset.ETag, response.Headers.ETag?.Tag);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task UnknownFile_Is404()
    {
        await using var factory = new TurnosFactory(azurite);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/nada.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/console/js/app.js")).StatusCode);
    }

    [Fact]
    public void Modules_ImportOnlyFilesTheConsoleHas_AndIndexLoadsItsStyles()
    {
        foreach (var name in AdminConsoleHandlers.Assets.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = System.Text.Encoding.UTF8.GetString(AdminConsoleHandlers.Assets.Find(name)!.Content);
            foreach (Match import in ImportPattern().Matches(text))
                Assert.True(AdminConsoleHandlers.Assets.Find(import.Groups[1].Value) is not null, $"{name} imports {import.Groups[1].Value}, which the console does not serve.");
            // Data never goes through innerHTML: every view builds elements with textContent.
            Assert.DoesNotContain("innerHTML", text);
            // The policy allows no inline style: a style attribute would be dropped by the browser.
            Assert.DoesNotMatch(@"\bstyle: '[^']*:", text);
        }
        var index = System.Text.Encoding.UTF8.GetString(AdminConsoleHandlers.Assets.Find("index.html")!.Content);
        Assert.Contains("href=\"console.css\"", index);
    }

    [Theory]
    [InlineData(null, false, true)]
    [InlineData(null, true, false)]
    [InlineData("/usr/lib/chromium/chromium", false, false)]
    [InlineData("/usr/lib/chromium/chromium", true, false)]
    public void BrowserTests_AreSkippedOnlyWithoutChromiumOutsideCi(string? chromium, bool ci, bool skipped)
    {
        var reason = BrowserFactAttribute.SkipReason(chromium, ci);

        Assert.Equal(skipped, reason is not null);
        if (skipped) Assert.Contains("apt-get install chromium", reason);
    }

    private static async Task AssertServedAsync(HttpClient client, string path, WebAsset asset)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(asset.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(asset.Content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(asset.ETag, response.Headers.ETag?.Tag);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var cached = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Empty(await cached.Content.ReadAsByteArrayAsync());
    }

    [GeneratedRegex(@"from '\./([a-z]+\.js)'")]
    private static partial Regex ImportPattern();
}
