using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Turnos.Core.Conversations;
using Turnos.Functions.Admin;
using Turnos.Functions.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Turnos.Functions.Tests.Admin.WebConsole;

/// <summary>
/// The web console in real headless Chromium against the app on a real port: sign in, add a business and
/// connect its Google calendar through the fake Google, the catalog, booking and cancelling from the week,
/// the appointments list. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection("Azurite")]
public sealed class ConsoleBrowserTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string GoogleAccount = "agenda.barberiasur@gmail.com";

    static ConsoleBrowserTests() => SetDefaultExpectTimeout(15_000);

    [BrowserFact]
    public async Task SignIn_WrongKeyIsRefused_RightKeyShowsTheBusinesses_SignOutForgetsTheKey()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;

        await app.GoToConsoleAsync(key: null);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Consola de Turnos" })).ToBeVisibleAsync();
        await app.ScreenshotAsync("01-entrar");

        await page.GetByLabel("Clave de acceso").FillAsync("una-clave-equivocada");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Expect(page.Locator(".field[data-field='key'] .field-error")).ToHaveTextAsync("Esa clave no es válida. Revísala e intenta de nuevo.");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('turnos.consola.clave')"));

        await page.GetByLabel("Clave de acceso").FillAsync(TurnosFactory.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Negocios", Exact = true })).ToBeVisibleAsync();
        var demo = page.Locator("a.business-card[data-business='demo']");
        await Expect(demo).ToContainTextAsync("Peluquería Demo");
        await Expect(demo).ToContainTextAsync("+14155238886");
        await Expect(demo).ToContainTextAsync("Sin calendario");
        Assert.Equal(TurnosFactory.AdminKey, await page.EvaluateAsync<string?>("sessionStorage.getItem('turnos.consola.clave')"));
        await app.ScreenshotAsync("02-negocios");

        // A reload keeps the session (same tab); signing out forgets the key.
        await page.ReloadAsync();
        await Expect(demo).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).ClickAsync();
        await Expect(page.GetByLabel("Clave de acceso")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('turnos.consola.clave')"));
        Assert.Empty(app.PageErrors);
    }

    [BrowserFact]
    public async Task AddBusiness_ShowsTheApiErrorsNextToTheFields_ThenConnectsItsCalendarThroughGoogle()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        app.Google.ConsentingAccount = GoogleAccount;
        await app.GoToConsoleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "+ Agregar negocio" }).ClickAsync();
        var form = page.Locator("form#new-business");
        await form.GetByLabel("Nombre").FillAsync("Barbería Sur");
        await Expect(form.GetByLabel("Código")).ToHaveValueAsync("barberia-sur");
        await form.GetByLabel("Email").FillAsync("hola@barberiasur.example");
        await form.GetByLabel("Número de WhatsApp").FillAsync("1155550000");
        await form.GetByLabel("Zona horaria").FillAsync("America/Springfield");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear negocio" }).ClickAsync();

        // The API's English ProblemDetails, in Spanish next to each field; nothing typed is lost.
        await Expect(form.Locator(".field[data-field='whatsappnumbers'] .field-error")).ToHaveTextAsync("Escríbelo con + y código de país, por ejemplo +5491155550000.");
        await Expect(form.Locator(".field[data-field='timezone'] .field-error")).ToContainTextAsync("No conocemos esa zona horaria");
        await Expect(form.GetByLabel("Nombre")).ToHaveValueAsync("Barbería Sur");
        await app.ScreenshotAsync("03-agregar-negocio-errores");

        await form.GetByLabel("Número de WhatsApp").FillAsync("+54 9 11 5555-0000");
        await form.GetByLabel("Zona horaria").FillAsync("America/Argentina/Buenos_Aires");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear negocio" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Barbería Sur", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#services")).ToContainTextAsync("Todavía no hay servicios");
        var created = await app.GetJsonAsync("/api/admin/businesses/barberia-sur");
        Assert.Equal("hola@barberiasur.example", created.GetProperty("email").GetString());
        Assert.Equal("+5491155550000", created.GetProperty("whatsAppNumbers")[0].GetString());

        // Connect its Google calendar: the link, "Copiar link", "Abrir ahora" (a popup through Google), "Conectado".
        await page.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = "Calendario" }).ClickAsync();
        await Expect(page.Locator("#calendar-state")).ToHaveTextAsync("No conectado");
        await page.GetByRole(AriaRole.Button, new() { Name = "Conectar calendario" }).ClickAsync();
        var link = page.GetByLabel("Link para conectar");
        await Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(app.BaseUri + "api/oauth/google/start?state=")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Copiar link" }).ClickAsync();
        Assert.Equal(await link.InputValueAsync(), await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Expect(page.Locator("#calendar-link")).ToContainTextAsync("Vence a las 12:15");
        await app.ScreenshotAsync("04-calendario-link");

        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Abrir ahora" }).ClickAsync());
        await Expect(popup.Locator("body")).ToContainTextAsync("Barbería Sur");
        await Expect(popup.Locator("body")).ToContainTextAsync(GoogleAccount);

        await Expect(page.Locator("#calendar-state")).ToHaveTextAsync("✓ Conectado");
        await Expect(page.Locator("#calendar-email")).ToHaveTextAsync(GoogleAccount);
        await Expect(page.Locator("#calendar-link")).ToBeHiddenAsync();
        await app.ScreenshotAsync("04-calendario-conectado");
        Assert.True(app.Vault.RefreshTokens.ContainsKey("barberia-sur"));
        var status = await app.GetJsonAsync("/api/admin/businesses/barberia-sur/calendar");
        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.Empty(app.Google.Violations);

        // The list says so too.
        await page.Locator("a.brand").ClickAsync();
        await Expect(page.Locator("a.business-card[data-business='barberia-sur']")).ToContainTextAsync("✓ Calendario conectado");
        Assert.Empty(app.PageErrors);
    }

    [BrowserFact]
    public async Task Catalog_AddsEditsAndDeletesServicesProfessionalsAndBlocks_KeepingTheFormOnErrors()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        await app.GoToConsoleAsync(hash: "#/negocios/demo/catalogo");
        await Expect(page.Locator("#services tbody tr")).ToHaveCountAsync(6);
        await Expect(page.Locator("#professionals tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#professionals tr[data-item='carlos']")).ToContainTextAsync("Lun a Vie 09:00-19:00 · Sáb 09:00-13:00");

        // A service with a wrong duration: the error sits next to the field and the dialog keeps what was typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Agregar servicio" }).ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await dialog.GetByLabel("Nombre").FillAsync("Lavado y secado");
        await dialog.GetByLabel("Duración (minutos)").FillAsync("7");
        await dialog.GetByLabel("Precio").FillAsync("2500");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Expect(dialog.Locator(".field[data-field='durationminutes'] .field-error")).ToHaveTextAsync("Tiene que ser un múltiplo de 5 minutos, hasta 480.");
        await dialog.GetByLabel("Duración (minutos)").FillAsync("20");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        var service = page.Locator("#services tr[data-item='lavado-y-secado']");
        await Expect(service).ToContainTextAsync("20 min");

        // Edit it.
        await service.GetByRole(AriaRole.Button, new() { Name = "Editar" }).ClickAsync();
        await Expect(dialog.GetByLabel("Código")).ToBeDisabledAsync();
        await dialog.GetByLabel("Precio").FillAsync("3000");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Expect(service).ToContainTextAsync("$ 3.000");

        // A professional with their own hours; a malformed range is flagged on its day.
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Agregar profesional" }).ClickAsync();
        await dialog.GetByLabel("Nombre").FillAsync("Martina López");
        await dialog.GetByLabel("Email", new() { Exact = true }).FillAsync("martina@peluqueria-demo.example");
        await dialog.GetByLabel("WhatsApp (opcional)").FillAsync("+54 9 11 5555-1234"); // spaces and dashes as people type them
        await dialog.Locator("label.checks").Filter(new() { HasText = "Usa el horario del negocio" }).Locator("input").UncheckAsync();
        foreach (var box in await dialog.Locator(".checks input[type=checkbox][value]").AllAsync()) await box.UncheckAsync();
        await dialog.Locator(".checks label").Filter(new() { HasText = "Lavado y secado" }).Locator("input").CheckAsync();
        await dialog.GetByLabel("Lunes").FillAsync("10-14");
        await dialog.GetByLabel("Martes").FillAsync("10:00-14:00, 15:00-19:00");
        foreach (var day in new[] { "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo" }) await dialog.GetByLabel(day).FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Expect(dialog.Locator(".field[data-field='hours.monday'] .field-error")).ToContainTextAsync("Usa rangos como 09:00-13:00");
        await dialog.GetByLabel("Lunes").FillAsync("10:00-14:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        var martina = page.Locator("#professionals tr[data-item='martina-lopez']");
        await Expect(martina).ToContainTextAsync("Lun 10:00-14:00 · Mar 10:00-14:00, 15:00-19:00");
        await Expect(martina).ToContainTextAsync("Lavado y secado");
        await Expect(martina).ToContainTextAsync("📱 +5491155551234");

        // A day off for Lucía.
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Agregar bloqueo" }).ClickAsync();
        await dialog.GetByLabel("Quién").SelectOptionAsync("lucia");
        await dialog.GetByLabel("Día", new() { Exact = true }).FillAsync("2026-11-25");
        await dialog.GetByLabel("Motivo").FillAsync("Trámite");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        var block = page.Locator("#blocks tbody tr").Filter(new() { HasText = "Trámite" });
        await Expect(block).ToContainTextAsync("miércoles 25/11, todo el día");
        await Expect(block).ToContainTextAsync("Lucía Fernández");
        await app.ScreenshotAsync("05-catalogo");

        // Deleting the service takes it off Martina's list too.
        await service.GetByRole(AriaRole.Button, new() { Name = "Borrar" }).ClickAsync();
        await page.Locator("dialog[open]").GetByRole(AriaRole.Button, new() { Name = "Borrar" }).ClickAsync();
        await Expect(service).ToHaveCountAsync(0);
        await Expect(martina).Not.ToContainTextAsync("Lavado");

        var doc = await app.GetJsonAsync("/api/admin/businesses/demo");
        var professional = doc.GetProperty("professionals").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "martina-lopez");
        Assert.Equal(["10:00-14:00"], professional.GetProperty("hours").GetProperty("monday").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("+5491155551234", professional.GetProperty("whatsAppNumber").GetString());
        var saved = doc.GetProperty("blocks").EnumerateArray().Single();
        Assert.Equal("lucia", saved.GetProperty("professional").GetString());
        Assert.Equal("2026-11-25T00:00", saved.GetProperty("from").GetString());
        Assert.Equal("2026-11-26T00:00", saved.GetProperty("to").GetString());
        Assert.Empty(app.PageErrors);
    }

    [BrowserFact]
    public async Task Week_BookAFreeSlotForACustomer_SeeIt_ThenCancelIt()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        // Sofía is at the doctor on Thursday afternoon.
        var block = await app.Admin.PostAsJsonAsync("/api/admin/businesses/demo/blocks",
            new { id = "sofia-medico", professional = "sofia", from = "2026-11-26T14:00", to = "2026-11-26T16:00", reason = "Médico" });
        Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        await app.GoToConsoleAsync(hash: "#/negocios/demo/semana");
        await Expect(page.Locator("#week-title")).ToHaveTextAsync("23 al 29 de noviembre");
        var week = page.Locator("table#week");
        // Monday before 13:00 (now + an hour's notice) cannot be booked; Sunday is closed; Tuesday 10:00 is free.
        await Expect(week.Locator("[data-date='2026-11-23'][data-time='10:00'][data-professional='lucia']")).ToHaveAttributeAsync("data-kind", "past");
        await Expect(week.Locator("[data-date='2026-11-29'][data-time='10:00'][data-professional='lucia']")).ToHaveAttributeAsync("data-kind", "outside");
        var slot = week.Locator("button[data-date='2026-11-24'][data-time='10:00'][data-professional='lucia']");
        await Expect(slot).ToHaveAttributeAsync("data-kind", "free");
        var blocked = week.Locator("[data-date='2026-11-26'][data-professional='sofia'][data-kind='blocked']");
        await Expect(blocked).ToHaveCountAsync(4);
        await Expect(blocked.First).ToHaveTextAsync("Médico");
        await Expect(blocked.First).ToHaveAttributeAsync("data-time", "14:00");

        await slot.ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await Expect(dialog.GetByLabel("Profesional")).ToHaveValueAsync("lucia");
        await Expect(dialog.GetByLabel("Día y hora")).ToHaveValueAsync("2026-11-24T10:00");
        await dialog.GetByLabel("Servicio").SelectOptionAsync("coloracion");
        await dialog.GetByLabel("Nombre").FillAsync("Ana Pérez");
        await dialog.GetByLabel("Teléfono").FillAsync("+5491155551234");
        await dialog.GetByLabel("Email (opcional)").FillAsync("ana@example.com");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reservar turno" }).ClickAsync();
        await Expect(page.Locator(".toast").First).ToContainTextAsync("Turno reservado: Ana Pérez, martes 24/11, 10:00");

        // Coloración takes 90 minutes: one tall booked cell from 10:00 to 11:30.
        var booked = week.Locator("button[data-kind='booked'][data-professional='lucia']");
        await Expect(booked).ToHaveCountAsync(1);
        await Expect(booked).ToContainTextAsync("Ana Pérez");
        await Expect(booked).ToHaveAttributeAsync("data-time", "10:00");
        Assert.Equal("3", await booked.Locator("xpath=..").GetAttributeAsync("rowspan"));
        var list = await app.Admin.GetFromJsonAsync<JsonElement>("/api/admin/businesses/demo/appointments?from=2026-11-24&to=2026-11-24");
        var appointment = Assert.Single(list.EnumerateArray());
        Assert.Equal(("booked", "coloracion", "2026-11-24T10:00", "ana@example.com"), (appointment.GetProperty("status").GetString(),
            appointment.GetProperty("serviceId").GetString(), appointment.GetProperty("start").GetString(), appointment.GetProperty("customer").GetProperty("email").GetString()));
        await app.ScreenshotAsync("06-semana-con-turno");

        // See it, cancel it: the time is free again.
        await booked.ClickAsync();
        await Expect(dialog.Locator("#appointment-customer")).ToHaveTextAsync("Ana Pérez");
        await Expect(dialog.Locator("#appointment-when")).ToHaveTextAsync("martes 24/11, 10:00 a 11:30");
        // The day-before reminder was due before it was booked; the two-hours-before one is ahead.
        await Expect(dialog.Locator("#appointment-reminders li")).ToHaveTextAsync(["Pendiente 2 horas antes · el 24/11 a las 08:00"]);
        await app.ScreenshotAsync("07-turno");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancelar turno" }).ClickAsync();
        await page.Locator("dialog[open]").Last.GetByRole(AriaRole.Button, new() { Name = "Sí, cancelar" }).ClickAsync();
        await Expect(dialog.Locator("#appointment-status .badge")).ToHaveTextAsync("Cancelado");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cerrar", Exact = true }).Last.ClickAsync();
        await Expect(booked).ToHaveCountAsync(0);
        await Expect(slot).ToHaveAttributeAsync("data-kind", "free");
        var cancelled = await app.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/businesses/demo/appointments/{appointment.GetProperty("id").GetString()}");
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());

        // The list of appointments, filtered, shows it cancelled.
        await page.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = "Turnos" }).ClickAsync();
        await page.GetByLabel("Estado").SelectOptionAsync("cancelled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        var row = page.Locator("#appointments tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Ana Pérez");
        await Expect(row).ToContainTextAsync("Cancelado");
        Assert.Empty(app.PageErrors);
    }

    [BrowserFact]
    public async Task Week_BookAVisitOfTwoServices_EachProfessionalsPartInTheirColumn_AndTheDetailsListBoth()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        await app.GoToConsoleAsync(hash: "#/negocios/demo/semana");
        var week = page.Locator("table#week");
        await week.Locator("button[data-date='2026-11-24'][data-time='10:00'][data-professional='sofia']").ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await dialog.GetByLabel("Servicio").SelectOptionAsync("manicura");
        await dialog.GetByLabel("Y después (opcional)").SelectOptionAsync("corte");
        await dialog.GetByLabel("Nombre").FillAsync("Ana Pérez");
        await dialog.GetByLabel("Teléfono").FillAsync("+5491155551234");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reservar turno" }).ClickAsync();
        await Expect(page.Locator(".toast").First).ToContainTextAsync("Turno reservado: Ana Pérez, martes 24/11, 10:00");

        // Sofía does the manicura (10:00–10:45), Carlos the corte right after (10:45–11:15).
        await Expect(week.Locator("button[data-kind='booked'][data-professional='sofia']")).ToHaveAttributeAsync("data-time", "10:00");
        await Expect(week.Locator("button[data-kind='booked'][data-professional='carlos']")).ToHaveAttributeAsync("data-time", "10:30");
        await week.Locator("button[data-kind='booked'][data-professional='carlos']").ClickAsync();
        await Expect(dialog.Locator("#appointment-when")).ToHaveTextAsync("martes 24/11, 10:00 a 11:15");
        await Expect(dialog.Locator("#appointment-services")).ToHaveTextAsync("10:00 Manicura · Sofía Gómez10:45 Corte de cabello · Carlos Ramírez");
        Assert.Empty(app.PageErrors);
    }

    [BrowserFact]
    public async Task Week_SlotTakenWhileTyping_ShowsAlternativesAndKeepsTheCustomer_ThenBooksOne_AndMovesIt()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        await app.GoToConsoleAsync(hash: "#/negocios/demo/semana?servicio=corte&profesional=carlos");
        var week = page.Locator("table#week");
        await week.Locator("button[data-date='2026-11-25'][data-time='16:00'][data-professional='carlos']").ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await dialog.GetByLabel("Nombre").FillAsync("Bruno Díaz");
        await dialog.GetByLabel("Teléfono").FillAsync("+5491144443333");

        // Someone else (the chat, another tab) takes that time meanwhile.
        var taken = await app.Admin.PostAsJsonAsync("/api/admin/businesses/demo/appointments", new
        {
            serviceId = "corte", professionalId = "carlos", start = "2026-11-25T16:00",
            customer = new { name = "Otra Persona", phone = "+5491100000001" },
        });
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reservar turno" }).ClickAsync();

        await Expect(dialog.Locator(".form-error")).ToHaveTextAsync("Ese horario ya no está libre.");
        var alternatives = dialog.Locator(".alternatives button");
        await Expect(alternatives).ToHaveCountAsync(3);
        await Expect(dialog.GetByLabel("Nombre")).ToHaveValueAsync("Bruno Díaz");
        // The nearest free times that day, in order: 15:00, 15:30, 16:30.
        await Expect(alternatives).ToHaveTextAsync(["mié 25/11 15:00", "mié 25/11 15:30", "mié 25/11 16:30"]);
        await app.ScreenshotAsync("08-turno-ocupado-alternativas");
        await alternatives.Nth(1).ClickAsync();
        await Expect(dialog.GetByLabel("Día y hora")).ToHaveValueAsync("2026-11-25T15:30");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reservar turno" }).ClickAsync();
        var booked = week.Locator("button[data-kind='booked'][data-date='2026-11-25'][data-time='15:30']");
        await Expect(booked).ToContainTextAsync("Bruno Díaz");

        // Move it to Friday 11:00.
        await booked.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mover" }).ClickAsync();
        await dialog.GetByLabel("Nuevo día y hora").FillAsync("2026-11-27T11:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mover turno" }).ClickAsync();
        await Expect(dialog.Locator("#appointment-when")).ToHaveTextAsync("viernes 27/11, 11:00 a 11:30");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cerrar", Exact = true }).Last.ClickAsync();
        await Expect(week.Locator("button[data-kind='booked'][data-date='2026-11-27'][data-time='11:00']")).ToContainTextAsync("Bruno Díaz");
        await Expect(week.Locator("[data-date='2026-11-25'][data-time='15:30']")).ToHaveAttributeAsync("data-kind", "free");
        Assert.Empty(app.PageErrors);
    }

    [BrowserFact]
    public async Task Appointments_AndConversationsWaitingForAPerson_AreListed()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        foreach (var (start, professional, name) in new[] { ("2026-11-24T11:00", "carlos", "Carla Ruiz"), ("2026-11-26T17:30", "lucia", "Diego Sosa") })
        {
            var response = await app.Admin.PostAsJsonAsync("/api/admin/businesses/demo/appointments", new
            {
                serviceId = "corte", professionalId = professional, start, customer = new { name, phone = "+54911" + Random.Shared.Next(10_000_000, 99_999_999) },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var conversations = app.Factory.Services.GetRequiredService<ConversationStore>();
        Assert.True(await conversations.TrySaveAsync(ConversationState.New("demo", "+5491177778888") with
        {
            HandoffRequested = true, CustomerName = "Marta Gil", Mode = ConversationMode.Booking, LastActivityUtc = TurnosFactory.DefaultNow.AddMinutes(-20),
            PhotosForPerson = 2,
        }, null, CancellationToken.None));
        await app.Factory.Services.GetRequiredService<ConversationPhotos>().KeepAsync("demo", ConversationStore.CustomerKey("+5491177778888"),
            [new Turnos.Functions.Conversations.Orchestration.MessageAttachment("https://fotos.example/corte.jpg", "image/jpeg")],
            TurnosFactory.DefaultNow, CancellationToken.None);

        await app.GoToConsoleAsync(hash: "#/negocios/demo/turnos");
        var rows = page.Locator("#appointments tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("martes 24/11, 11:00");
        await Expect(rows.First).ToContainTextAsync("Carla Ruiz");
        await Expect(rows.First).ToContainTextAsync("Reservado");
        await app.ScreenshotAsync("09-turnos");

        await page.GetByLabel("Profesional").SelectOptionAsync("lucia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Diego Sosa");
        // A wrong range comes back from the API next to its field.
        await page.GetByLabel("Hasta").FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.Locator(".field[data-field='to'] .field-error")).Not.ToBeEmptyAsync();

        var tab = page.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = "Conversaciones" });
        await Expect(tab.Locator(".count")).ToHaveTextAsync("1");
        await tab.ClickAsync();
        var conversation = page.Locator("#conversations tbody tr");
        await Expect(conversation).ToContainTextAsync("Marta Gil");
        await Expect(conversation).ToContainTextAsync("+5491177778888");
        await Expect(conversation).ToContainTextAsync("lunes 23/11, 11:40");
        await Expect(conversation).ToContainTextAsync("📸 Mandó 2 fotos");
        await conversation.GetByRole(AriaRole.Button, new() { Name = "Ver fotos" }).ClickAsync();
        var photos = page.Locator("dialog[open] .photos img");
        await Expect(photos).ToHaveAttributeAsync("src", "https://fotos.example/corte.jpg");
        await Expect(photos).ToHaveAttributeAsync("alt", "Foto 1 de Marta Gil");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0);
        await Expect(conversation.GetByRole(AriaRole.Link, new() { Name = "Abrir WhatsApp" })).ToHaveAttributeAsync("href", "https://wa.me/5491177778888");
        await app.ScreenshotAsync("10-conversaciones");

        // Attended: it leaves the list and the tab's count.
        await conversation.GetByRole(AriaRole.Button, new() { Name = "Marcar atendido: Marta Gil" }).ClickAsync();
        await Expect(page.Locator(".card.empty")).ToHaveTextAsync("Nadie está esperando. 🎉");
        await Expect(tab.Locator(".count")).ToBeHiddenAsync();
        Assert.False((await conversations.LoadAsync("demo", "+5491177778888", CancellationToken.None)).State.HandoffRequested);
        Assert.Empty(app.PageErrors);
    }

    [BrowserFact]
    public async Task EmployeeKey_SeesOnlyItsBusiness_IsToldWhatItMayNotDo_AndIsSignedOutWhenRevoked()
    {
        await using var app = await ConsoleApp.StartAsync(azurite, browser);
        var page = app.Page;
        var other = await app.Admin.PostAsJsonAsync("/api/admin/businesses", new
        {
            id = "barberia", name = "Barbería Norte", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS",
        });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var keys = app.Factory.Services.GetRequiredService<ApiKeyStore>();
        var (keyId, key) = await keys.CreateAsync(ApiRole.Employee, "demo", "Recepción", "test", CancellationToken.None);

        await app.GoToConsoleAsync(key);
        await Expect(page.Locator("a.business-card")).ToHaveCountAsync(1);
        await Expect(page.Locator("a.business-card[data-business='demo']")).ToBeVisibleAsync();

        // The catalog is the owner's: the refusal is said in the dialog, which keeps what was typed.
        await page.GotoAsync(app.BaseUri + "admin/#/negocios/demo/catalogo");
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Agregar servicio" }).ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await dialog.GetByLabel("Nombre").FillAsync("Alisado");
        await dialog.GetByLabel("Precio").FillAsync("9000");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Expect(dialog.Locator(".form-error")).ToHaveTextAsync("Tu clave no tiene permiso para hacer esto.");
        await Expect(dialog.GetByLabel("Nombre")).ToHaveValueAsync("Alisado");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancelar" }).ClickAsync();

        // Another business reads as one that does not exist.
        await page.GotoAsync(app.BaseUri + "admin/#/negocios/barberia/semana");
        await Expect(page.Locator("main .notice.error")).ToContainTextAsync("No encontramos ese negocio");

        // A revoked key ends the session at the next call.
        Assert.True(await keys.RevokeAsync(keyId, CancellationToken.None));
        await page.GotoAsync(app.BaseUri + "admin/#/negocios");
        await Expect(page.GetByLabel("Clave de acceso")).ToBeVisibleAsync();
        await Expect(page.Locator(".form-error")).ToHaveTextAsync("Tu sesión terminó o la clave dejó de ser válida. Vuelve a entrar.");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('turnos.consola.clave')"));
        Assert.Empty(app.PageErrors);
    }
}
