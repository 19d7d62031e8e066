using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Functions.Tests.WhatsApp.WhatsAppApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>Each message answered once and in order, whatever Twilio, the app or the local host do meanwhile.</summary>
[Collection("Azurite")]
public sealed class WebhookIdempotencyTests(AzuriteFixture azurite)
{
    private const string Book = "Hola! quiero un corte de pelo el martes a las 10, soy Juan Pérez, juan@example.com";

    [Fact]
    public async Task Post_SameMessageSidAgain_AnsweredOnce()
    {
        await using var app = await StartAsync(azurite);
        var form = Form("hola");

        var first = await app.ExchangeAsync(form, "demo");
        await TwilioSide.AssertEmptyTwiMLAsync(await app.PostAsync(form));
        await app.ExchangeAsync(Form("gracias"), "demo"); // a later message is answered after anything the repeat could cause

        Assert.NotEmpty(first);
        Assert.Equal(first, app.DeliveredTo().Take(first.Count));
        Assert.Single(app.DeliveredTo(), body => body == first[0]);
    }

    [Fact]
    public async Task Post_TenConcurrentDeliveriesOfOneMessage_AnsweredOnce()
    {
        await using var app = await StartAsync(azurite);
        var form = Form("hola");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.PostAsync(form)));
        foreach (var response in responses) await TwilioSide.AssertEmptyTwiMLAsync(response);
        await new TwilioSide(app.Twilio, app.Client, app.Services).AnsweredAsync("demo", Customer, form["MessageSid"]);
        var answer = await app.ExchangeAsync(Form("gracias"), "demo");

        var all = app.DeliveredTo();
        var greeting = all.Take(all.Count - answer.Count).ToList();
        Assert.NotEmpty(greeting);
        Assert.Contains("*Peluquería Demo*", string.Join("\n", greeting));
        Assert.Equal(greeting.Distinct(), greeting);
    }

    [Fact]
    public async Task Post_TwoMessagesAtOnceToACustomerWithoutAConversation_BothAnsweredInOrder()
    {
        await using var app = await StartAsync(azurite);
        var (hello, booking) = (Form("hola"), Form("quiero un corte el martes a las 10"));

        await TwilioSide.AssertEmptyTwiMLAsync(await app.PostAsync(hello));
        await TwilioSide.AssertEmptyTwiMLAsync(await app.PostAsync(booking));
        await new TwilioSide(app.Twilio, app.Client, app.Services).AnsweredAsync("demo", Customer, booking["MessageSid"]);

        // "hola" is answered with the greeting's question, the booking with the next question it needs.
        var all = string.Join("\n", app.DeliveredTo());
        var greeting = all.IndexOf("¿Qué necesitas?", StringComparison.Ordinal);
        var next = all.IndexOf("¿A nombre de quién", StringComparison.Ordinal);
        Assert.True(greeting >= 0 && next > greeting, all);
    }

    [Fact]
    public async Task Post_WhenTwilioAnswers500ThenAccepts_EachReplyIsDeliveredExactlyOnce()
    {
        await using var app = await StartAsync(azurite, new Dictionary<string, string?> { ["Conversations:ActivityFirstRetrySeconds"] = "1" });
        app.Twilio.Respond = attempt => attempt == 1 ? 500 : 201;

        var replies = await app.ExchangeAsync(Form("hola"), "demo");

        Assert.NotEmpty(replies);
        Assert.Contains("*Peluquería Demo*", string.Join("\n", replies));
        Assert.Equal(replies.Distinct(), replies);
    }

    [Fact]
    public async Task LocalHostStartedAgainMidDialogue_TheDialogueCarriesOn()
    {
        string tables;
        await using (var before = await StartAsync(azurite))
        {
            Assert.EndsWith("¿Confirmo? Responde *sí* o *no*.", string.Join("\n", await before.ExchangeAsync(Form(Book), "demo")));
            tables = before.TablePrefix;
        }

        await using var after = await StartAsync(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = tables });
        var done = string.Join("\n", await after.ExchangeAsync(Form("sí"), "demo"));

        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", done);
    }
}
