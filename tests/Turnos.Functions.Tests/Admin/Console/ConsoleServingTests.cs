using System.Net;
using System.Text.RegularExpressions;
using Turnos.Functions.Admin.WebConsole;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.WebConsole;

/// <summary>How the console's files are served (no browser needed): at /admin/ and, for the Functions host, /api/console/.</summary>
[Collection("Azurite")]
public sealed partial class ConsoleServingTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("/admin", "/admin/")]
    [InlineData("/api/console", "/api/console/")]
    public async Task Root_WithoutTheSlash_RedirectsToIt(string path, string location)
    {
        await using var factory = new TurnosFactory(azurite);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
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

        foreach (var name in ConsoleAssets.Names)
        {
            var local = await client.GetAsync("/admin/" + name);
            var functions = await client.GetAsync("/api/console/" + name);

            Assert.Equal(HttpStatusCode.OK, local.StatusCode);
            Assert.Equal(await local.Content.ReadAsStringAsync(), await functions.Content.ReadAsStringAsync());
            var expected = Path.GetExtension(name) switch { ".js" => "text/javascript", ".css" => "text/css", _ => "text/html" };
            Assert.Equal(expected, local.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", local.Content.Headers.ContentType?.CharSet);
            Assert.NotNull(local.Headers.ETag);

            using var again = new HttpRequestMessage(HttpMethod.Get, "/admin/" + name);
            again.Headers.IfNoneMatch.Add(local.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }
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
        foreach (var name in ConsoleAssets.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = System.Text.Encoding.UTF8.GetString(ConsoleAssets.Find(name)!.Content);
            foreach (Match import in ImportPattern().Matches(text))
                Assert.True(ConsoleAssets.Find(import.Groups[1].Value) is not null, $"{name} imports {import.Groups[1].Value}, which the console does not serve.");
            // Data never goes through innerHTML: every view builds elements with textContent.
            Assert.DoesNotContain("innerHTML", text);
        }
        var index = System.Text.Encoding.UTF8.GetString(ConsoleAssets.Find("index.html")!.Content);
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

    [GeneratedRegex(@"from '\./([a-z]+\.js)'")]
    private static partial Regex ImportPattern();
}
