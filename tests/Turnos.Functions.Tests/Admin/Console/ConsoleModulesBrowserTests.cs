using Microsoft.Playwright;
using Turnos.Functions.Admin.WebConsole;
using Turnos.Functions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Turnos.Functions.Tests.Admin.WebConsole;

/// <summary>
/// Every console module, loaded from the embedded files in real Chromium under the console's Content Security
/// Policy: a module that fails to parse, an import the console does not serve or a blocked style shows up here as a
/// console error or a failed request.
/// </summary>
[Collection("Azurite")]
public sealed class ConsoleModulesBrowserTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static ConsoleModulesBrowserTests() => SetDefaultExpectTimeout(15_000);

    [BrowserFact]
    public async Task EveryModule_LoadsAtBothRoots_AndEveryView_Draws_WithoutAConsoleErrorOrAFailedRequest()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        var problems = BrowserProblems.Watch(page);
        var modules = AdminConsoleHandlers.Assets.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(modules.Length >= 12, "The catalog lists the console's modules.");

        foreach (var root in new[] { "admin/", "api/console/" })
        {
            await page.GotoAsync(root);
            await Expect(page.GetByLabel("Clave de acceso")).ToBeVisibleAsync();
            // Each module by its own URL: the ones app.js does not import statically would otherwise go untried.
            foreach (var module in modules)
                Assert.True(await page.EvaluateAsync<bool>("async m => { await import('./' + m); return true; }", module), module);
            // The style sheet arrived and was applied (the CSP allows 'self' styles only).
            Assert.True(await page.EvaluateAsync<int>("[...document.styleSheets].filter(s => s.href?.endsWith('/console.css')).reduce((n, s) => n + s.cssRules.length, 0)") > 20);
        }

        // Signing in returns to the linked view, so the sign-in form is gone before the next view is asked for.
        await app.GoToConsoleAsync(hash: "#/negocios/demo/semana");
        foreach (var (tab, drawn) in new[] { ("semana", "#week"), ("turnos", "#appointments, .card.empty"), ("catalogo", "#services"), ("calendario", "#calendar-state"), ("conversaciones", "#conversations, .card.empty") })
        {
            await page.EvaluateAsync("tab => { location.hash = `#/negocios/demo/${tab}`; }", tab);
            await Expect(page.Locator(drawn).First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // A professional's weekly hours: one row per day (name, "Libre", ranges), laid out by a class now that the
        // policy, which drops inline styles, no longer has one to drop.
        await page.EvaluateAsync("location.hash = '#/negocios/demo/catalogo'");
        await page.Locator("#professionals tr[data-item='carlos']").GetByRole(AriaRole.Button, new() { Name = "Editar" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Usa el horario del negocio") }).UncheckAsync();
        var monday = page.Locator("#own-hours .day-hours").First;
        await Expect(monday.Locator("input")).ToBeVisibleAsync();
        Assert.Equal("contents", await monday.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        var label = (await monday.Locator("label").BoundingBoxAsync())!;
        var input = (await monday.Locator("input").BoundingBoxAsync())!;
        Assert.True(Math.Abs(label.Y + label.Height / 2 - (input.Y + input.Height / 2)) < 4 && input.X > label.X + label.Width, "Monday's name and hours share a row.");
        await app.ScreenshotAsync("11-profesional-horario");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancelar" }).ClickAsync();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(app.PageErrors);
    }
}
