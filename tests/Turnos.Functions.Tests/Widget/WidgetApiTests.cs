using System.Net;
using System.Text;
using Turnos.Functions.Booking;
using Turnos.Functions.Conversations;
using Turnos.Functions.Reminders;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Reminders;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Widget;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.Tests.Widget;

/// <summary><c>/api/widget/{negocio}</c> as a visitor's browser calls it: public, the same conversations, its own channel.</summary>
[Collection("Azurite")]
public sealed class WidgetApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AMessage_IsAnsweredByTheConversation_OnTheBrowsersOwnChannel_WithoutAKey()
    {
        await using var app = WidgetCalls.App(azurite);
        using var visitor = app.CreateClient();
        var conversation = WidgetCalls.NewConversation();

        var info = await (await visitor.GetAsync("/api/widget/demo")).JsonAsync(HttpStatusCode.OK);
        var reply = await visitor.SayAsync(conversation, "Hola");

        Assert.Equal(("demo", "Peluquería Demo", "Luna"), (info.Str("id"), info.Str("name"), info.Str("botName")));
        Assert.Contains("Soy Luna, el asistente de *Peluquería Demo*", reply);
        var (state, etag) = await app.Get<ConversationStore>().LoadAsync("demo", WidgetChannel.Address(conversation), default);
        Assert.NotNull(etag);
        Assert.Equal("web:" + conversation, state.CustomerPhone);
        Assert.Empty(app.Get<LocalReplySink>().Since(WidgetChannel.Address(conversation), 0)); // nothing through Twilio
    }

    [Fact]
    public async Task ABookingByTheWidget_IsTheBrowsers_AndGetsNoWhatsAppReminder()
    {
        await using var app = WidgetCalls.App(azurite);
        using var visitor = app.CreateClient();
        var conversation = WidgetCalls.NewConversation();
        app.Clock.Set(Demo.Tuesday10 - TimeSpan.FromMinutes(120) - ReminderTests.Lead); // the 2-hours-before reminder is due in seconds

        await visitor.SayAsync(conversation, "Hola! quiero un corte hoy a las 10, soy Juan Pérez, juan@example.com");
        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", await visitor.SayAsync(conversation, "sí"));

        var booked = Assert.Single(await app.Get<AppointmentStore>().ListAsync("demo", Demo.Tuesday10, Demo.Tuesday10.AddDays(1), default));
        Assert.Equal(("Juan Pérez", WidgetChannel.Address(conversation)), (booked.Customer.Name, booked.Customer.Phone));
        await ReminderTests.FinishedAsync(app, booked.Id);
        var reminders = await app.Get<ReminderLog>().ListAsync("demo", booked.Id, default);
        Assert.Contains(reminders, r => r is { MinutesBefore: 120, State: ReminderState.Skipped, Reason: "not_whatsapp" });
        Assert.DoesNotContain(reminders, r => r.State == ReminderState.Sent);
        Assert.Empty(app.Get<LocalReplySink>().Since(WidgetChannel.Address(conversation), 0));
    }

    [Fact]
    public async Task BadInput_400ProblemDetails_WithASpanishDetail_UnknownBusiness404()
    {
        await using var app = WidgetCalls.App(azurite);
        using var client = app.CreateClient();
        var id = WidgetCalls.NewConversation();

        var notJson = await client.PostAsync(WidgetCalls.Messages, new StringContent("text=hola", Encoding.UTF8, "application/json"));
        var guessable = await client.SendAsync("1", "Hola");
        var upperCase = await client.SendAsync(id.ToUpperInvariant(), "Hola");
        var empty = await client.SendAsync(id, "   ");
        var tooLong = await client.SendAsync(id, new string('a', WidgetRequest.MaxTextLength + 1));
        var huge = await client.PostAsync(WidgetCalls.Messages, new StringContent($"{{\"conversationId\":\"{id}\",\"text\":\"{new string('a', 40_000)}\"}}",
            Encoding.UTF8, "application/json"));
        var unknown = await client.SendAsync(id, "Hola", "https://sitio.example", "/api/widget/no-existe/messages");
        var malformed = await client.GetAsync("/api/widget/NO_EXISTE");

        Assert.Contains("Recarga la página", (await notJson.AssertInvalidAsync("body")).Str("detail"));
        Assert.Equal("La conversación no es válida. Recarga la página e intenta de nuevo.", (await guessable.AssertInvalidAsync("conversationId")).Str("detail"));
        await upperCase.AssertInvalidAsync("conversationId");
        Assert.Equal("Escribe un mensaje.", (await empty.AssertInvalidAsync("text")).Str("detail"));
        Assert.Equal("Tu mensaje es muy largo: escribe hasta 1000 caracteres.", (await tooLong.AssertInvalidAsync("text")).Str("detail"));
        await huge.AssertInvalidAsync("text");
        Assert.Equal("Este chat no está disponible.", (await unknown.AssertProblemAsync(HttpStatusCode.NotFound)).Str("detail"));
        Assert.Equal("https://sitio.example", unknown.AllowedOrigin()); // so the widget can read why
        await malformed.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheScriptAndItsStyle_AreServedWithETags()
    {
        await using var app = WidgetCalls.App(azurite);
        using var client = app.CreateClient();

        var script = await client.GetAsync("/api/widget.js");
        var style = await client.GetAsync("/api/widget.css");
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/widget.js");
        again.Headers.IfNoneMatch.Add(script.Headers.ETag!);

        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (script.StatusCode, script.Content.Headers.ContentType?.MediaType));
        Assert.Contains("data-negocio", await script.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.OK, "text/css"), (style.StatusCode, style.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        // "A few KB": the whole widget, unminified.
        Assert.True(script.Content.Headers.ContentLength + style.Content.Headers.ContentLength < 16_000);
    }
}
