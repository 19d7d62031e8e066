using Microsoft.Playwright;
using Turnos.Functions.Booking;
using Turnos.Functions.Conversations;
using Turnos.Functions.Tests.Admin.WebConsole;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Widget;
using static Microsoft.Playwright.Assertions;

namespace Turnos.Functions.Tests.Widget;

/// <summary>
/// The widget in real headless Chromium, on a plain page of the business's own site (another origin than the app's):
/// opened and used with the keyboard, it books an appointment end to end; the chat survives a reload; on a phone it takes
/// the screen; on a site the business did not list it says it cannot connect and nothing reaches a conversation.
/// Screenshots go to TestResults/screenshots.
/// </summary>
[Collection("Azurite")]
public sealed class WidgetBrowserTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static WidgetBrowserTests() => SetDefaultExpectTimeout(30_000);

    private static ILocator Bot(IPage page) => page.Locator("turnos-chat li.bot");

    /// <summary>Types a message as a visitor does (keys, then Enter) and returns the replies it got.</summary>
    private static async Task<string> SayAsync(IPage page, string text)
    {
        var before = await Bot(page).CountAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enviar" })).ToBeEnabledAsync(); // the reply is in
        await Expect(Bot(page).Nth(before)).ToBeVisibleAsync();
        return string.Join("\n", (await Bot(page).AllInnerTextsAsync()).Skip(before));
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, name + ".png") });

    [BrowserFact]
    public async Task OnTheBusinesssOwnSite_TheWidgetBooksAnAppointment_EndToEnd_WithTheKeyboard()
    {
        await using var site = await WidgetSite.StartAsync(azurite);
        var (page, problems) = await site.OpenAsync(await browser.GetAsync(), site.Origin);

        // The bubble, reached and opened with the keyboard; the chat names the business and takes the typing.
        var bubble = page.GetByRole(AriaRole.Button, new() { Name = "Abrir el chat" });
        await Expect(bubble).ToBeVisibleAsync();
        await Expect(bubble).ToHaveAttributeAsync("aria-expanded", "false");
        await ScreenshotAsync(page, "widget-01-burbuja");
        await page.Keyboard.PressAsync("Tab");
        await Expect(bubble).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var chat = page.GetByRole(AriaRole.Dialog, new() { Name = "Peluquería Demo" });
        await Expect(chat).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Tu mensaje" })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abrir el chat con Peluquería Demo" })).ToHaveAttributeAsync("aria-expanded", "true");

        // While a reply is pending the assistant is "typing" (the page's fetch is slowed so that it shows for certain).
        await page.EvaluateAsync("() => { const f = window.fetch; window.fetch = (...a) => new Promise(r => setTimeout(r, 1500)).then(() => f(...a)); window.restoreFetch = () => { window.fetch = f; }; }");
        await page.Keyboard.TypeAsync("Hola, quiero un corte mañana a las 3pm");
        await page.Keyboard.PressAsync("Enter");
        await Expect(chat.GetByRole(AriaRole.Status)).ToHaveTextAsync("Luna está escribiendo…");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enviar" })).ToBeDisabledAsync();
        await ScreenshotAsync(page, "widget-02-escribiendo");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enviar" })).ToBeEnabledAsync();
        await page.EvaluateAsync("() => window.restoreFetch()");
        var first = string.Join("\n", await Bot(page).AllInnerTextsAsync());
        Assert.Contains("Peluquería Demo", first);
        await Expect(chat.Locator(".me")).ToHaveTextAsync("Tú: Hola, quiero un corte mañana a las 3pm");

        var replies = await SayAsync(page, "Juan Pérez, juan.perez@email.com");
        if (!replies.Contains("¡Listo!", StringComparison.Ordinal)) replies = await SayAsync(page, "sí");
        Assert.Contains("¡Listo! Tu turno quedó reservado", replies);
        // The replies' WhatsApp formatting, as HTML: *bold* is bold. Screen readers hear each reply as it comes.
        Assert.True(await chat.Locator("li.bot strong").CountAsync() > 0);
        await Expect(page.Locator("turnos-chat [aria-live=polite]")).ToContainTextAsync("¡Listo! Tu turno quedó reservado");
        await ScreenshotAsync(page, "widget-03-reservado");

        var conversation = await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('turnos-widget:demo')).id");
        var booked = Assert.Single(await site.App.Get<AppointmentStore>().ListAsync("demo", Demo.Tuesday10, Demo.Tuesday10.AddDays(1), default));
        Assert.Equal(("Juan Pérez", "juan.perez@email.com", WidgetChannel.Address(conversation), Demo.Tuesday10.AddHours(5)),
            (booked.Customer.Name, booked.Customer.Email, booked.Customer.Phone, booked.StartUtc));

        // Escape closes the chat and gives the focus back to the bubble; after a reload the conversation is still there.
        await page.Keyboard.PressAsync("Escape");
        await Expect(chat).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abrir el chat con Peluquería Demo" })).ToBeFocusedAsync();
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir el chat" }).ClickAsync();
        await Expect(chat.Locator("li.bot").Last).ToContainTextAsync("¡Listo! Tu turno quedó reservado");
        Assert.Equal(conversation, await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('turnos-widget:demo')).id"));

        // The site's own styles (a serif font, dashed red borders on every div and button) never reach the widget.
        Assert.Equal("0px", await page.GetByRole(AriaRole.Button, new() { Name = "Enviar" }).EvaluateAsync<string>("b => getComputedStyle(b).borderTopWidth"));
        Assert.Equal("0px", await page.Locator("turnos-chat").EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth"));
        Assert.DoesNotContain("Georgia", await chat.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task OnAPhone_TheOpenChatTakesTheScreen()
    {
        await using var site = await WidgetSite.StartAsync(azurite);
        var (page, _) = await site.OpenAsync(await browser.GetAsync(), site.Origin, width: 390, height: 844);

        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir el chat" }).ClickAsync();
        var chat = page.GetByRole(AriaRole.Dialog, new() { Name = "Peluquería Demo" });
        await Expect(chat).ToBeVisibleAsync();

        var box = (await chat.BoundingBoxAsync())!;
        Assert.Equal((0, 0, 390, 844), ((int)box.X, (int)box.Y, (int)box.Width, (int)box.Height));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cerrar el chat" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "widget-04-telefono");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar el chat" }).ClickAsync();
        await Expect(chat).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task OnASiteTheBusinessDidNotList_TheWidgetCannotConnect_AndNothingReachesAConversation()
    {
        await using var site = await WidgetSite.StartAsync(azurite);
        Assert.NotEqual(site.Origin, site.OtherOrigin);
        var (page, _) = await site.OpenAsync(await browser.GetAsync(), site.OtherOrigin);

        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir el chat" }).ClickAsync();
        var alert = page.Locator("turnos-chat [role=alert]");
        await Expect(alert).ToHaveTextAsync("No pudimos conectar con el chat. Revisa tu conexión e intenta de nuevo.");
        await page.Keyboard.TypeAsync("Hola, quiero un corte");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enviar" })).ToBeEnabledAsync();

        // What was typed goes back to the box, not into the conversation.
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Tu mensaje" })).ToHaveValueAsync("Hola, quiero un corte");
        await Expect(page.Locator("turnos-chat li.me")).ToHaveCountAsync(0);
        await Expect(alert).ToBeVisibleAsync();
        var conversation = await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('turnos-widget:demo') ?? '{}').id ?? ''");
        var (_, etag) = await site.App.Get<ConversationStore>().LoadAsync("demo", WidgetChannel.Address(conversation), default);
        Assert.Null(etag);
    }
}
