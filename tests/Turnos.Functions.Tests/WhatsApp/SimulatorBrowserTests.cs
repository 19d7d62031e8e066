using Microsoft.Playwright;
using Turnos.Functions.Tests.Admin.WebConsole;
using Turnos.Functions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>The simulator page in real Chromium, its style and script now separate files under its strict policy.</summary>
[Collection("Azurite")]
public sealed class SimulatorBrowserTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static SimulatorBrowserTests() => SetDefaultExpectTimeout(15_000);

    [BrowserFact]
    public async Task Chat_ListsTheNumbers_AndAMessageGetsAReply_WithoutAConsoleErrorOrAFailedRequest()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        var problems = BrowserProblems.Watch(page);

        await page.GotoAsync("simulador");
        await Expect(page.Locator("#business option[value='+14155238886']")).ToHaveTextAsync("Peluquería Demo · +14155238886");
        await page.Locator("#business").SelectOptionAsync("+14155238886");
        await Expect(page.Locator("#chat-name")).ToHaveTextAsync("Peluquería Demo");
        // The style sheet applies: the header bar is WhatsApp green.
        Assert.Equal("rgb(7, 94, 84)", await page.Locator("header.bar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        await page.GetByLabel("Mensaje").FillAsync("hola");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).ClickAsync();

        await Expect(page.Locator(".bubble.out")).ToContainTextAsync("hola");
        await Expect(page.Locator(".bubble.in").First).ToBeVisibleAsync();
        await Expect(page.Locator(".note.error")).ToHaveCountAsync(0);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
