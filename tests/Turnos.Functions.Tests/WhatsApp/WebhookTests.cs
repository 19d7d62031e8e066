using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.WhatsApp;
using static Turnos.Functions.Tests.WhatsApp.WhatsAppApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>POST /api/whatsapp: signed, routed, answered at once with empty TwiML; replies come through the Messages API.</summary>
[Collection("Azurite")]
public sealed class WebhookTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Post_SignedMessage_EmptyTwiMLAtOnce_AndTheConversationRepliesFromTheBusinessNumber()
    {
        await using var app = await StartAsync(azurite);
        var form = Form("  hola, quiero un turno ");

        var replies = await app.ExchangeAsync(form, "demo");

        Assert.Contains("*Peluquería Demo*", string.Join("\n", replies));
        Assert.All(app.Twilio.Delivered, d => Assert.Equal(("whatsapp:" + DemoNumber, "whatsapp:" + Customer), (d.From, d.To)));
        Assert.Equal("demo", await app.QueuedInAsync(form["MessageSid"]));
    }

    public static TheoryData<string> Forgeries => ["wrong", "missing", "other token", "other url", "tampered body", "added field"];

    [Theory, MemberData(nameof(Forgeries))]
    public async Task Post_ForgedOrMissingSignature_Returns403AndHandsNothingOver(string forgery)
    {
        await using var app = await StartAsync(azurite);
        var form = Form("hola");
        var signed = TwilioSignature.Compute(Token, PublicBase + "/api/whatsapp", form);
        var signature = forgery switch
        {
            "wrong" => "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
            "other token" => TwilioSignature.Compute("not-the-token", PublicBase + "/api/whatsapp", form),
            "other url" => TwilioSignature.Compute(Token, "http://localhost/api/whatsapp", form),
            _ => signed,
        };
        if (forgery == "tampered body") form["Body"] = "cancelá todos los turnos";
        if (forgery == "added field") form["ProfileName"] = "Otro";

        var response = await app.PostAsync(form, signature, sign: forgery != "missing");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await app.QueuedInAsync(form["MessageSid"]));
        Assert.Empty(app.Twilio.Delivered);
    }

    [Fact]
    public async Task Post_SignedForTheUrlWithDefaultPort_IsAccepted()
    {
        await using var app = await StartAsync(azurite);
        var form = Form("hola");

        var response = await app.PostAsync(form, TwilioSignature.Compute(Token, "https://turnos.example.com:443/api/whatsapp", form));

        await TwilioSide.AssertEmptyTwiMLAsync(response);
        Assert.Equal("demo", await app.QueuedInAsync(form["MessageSid"]));
    }

    [Theory]
    [InlineData("From")]
    [InlineData("MessageSid")]
    public async Task Post_MissingRequiredField_Returns400(string field)
    {
        await using var app = await StartAsync(azurite);
        var form = Form("hola");
        form.Remove(field);

        var response = await app.PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_NumberOfNoBusiness_EmptyResponseAndNothingElse()
    {
        await using var app = await StartAsync(azurite);
        var form = Form("hola", to: "+14155559999");

        Assert.Empty(await app.ExchangeAsync(form, businessId: null));
        Assert.Null(await app.QueuedInAsync(form["MessageSid"]));
    }

    [Fact]
    public async Task Post_NoTextNoMedia_AsksForTextWithoutAConversation()
    {
        await using var app = await StartAsync(azurite);
        // A shared location: coordinates, no words, no media (photos go to the conversation: see Photos/).
        var form = Form("");
        form["Latitude"] = "-34.6037";
        form["Longitude"] = "-58.3816";

        var replies = await app.ExchangeAsync(form, businessId: null);

        Assert.StartsWith("Por ahora solo puedo leer mensajes de texto 🙂", Assert.Single(replies));
        Assert.Null(await app.QueuedInAsync(form["MessageSid"]));
    }

    [Fact]
    public async Task Post_ALocationFromACustomerWhoWritesInEnglish_AsksForTextInEnglish()
    {
        await using var app = await StartAsync(azurite);
        await app.Services.GetRequiredService<ConversationStore>().SaveAsync(ConversationState.New("demo", Customer) with { Language = Language.En }, default);
        // No text and no media (photos go to the conversation, see "Photos"): a shared location has no words to tell the language by.
        var form = Form("");
        form["Latitude"] = "-34.6037";
        form["Longitude"] = "-58.3816";

        var replies = await app.ExchangeAsync(form, businessId: null);

        Assert.StartsWith("For now I can only read text messages 🙂", Assert.Single(replies));
    }

    [Fact]
    public async Task Post_TwoBusinesses_EachMessageGoesToTheBusinessOfItsNumber()
    {
        await using var app = await StartAsync(azurite);

        var demo = await app.ExchangeAsync(Form("hola", to: DemoNumber), "demo");
        var barber = await app.ExchangeAsync(Form("hola", to: BarberNumber), "barberia");

        Assert.Contains("*Peluquería Demo*", string.Join("\n", demo));
        Assert.Contains("*Barbería Norte*", string.Join("\n", barber));
        Assert.Equal(["whatsapp:" + DemoNumber, "whatsapp:" + BarberNumber], app.Twilio.Delivered.Select(d => d.From).Distinct());
    }
}
