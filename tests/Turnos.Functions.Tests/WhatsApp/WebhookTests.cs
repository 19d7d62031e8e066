using System.Net;
using Turnos.Functions.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.WhatsApp;
using static Turnos.Functions.Tests.WhatsApp.WhatsAppApp;

namespace Turnos.Functions.Tests.WhatsApp;

[Collection("Azurite")]
public sealed class WebhookTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Post_SignedMessage_RepliesWithEscapedTwiMLAndStoresTheReplies()
    {
        await using var app = new WhatsAppApp(azurite);
        app.Turns.Reply = (_, _) => Task.FromResult<IReadOnlyList<string>>(["Hola <Ana> & co 👋", "¿En qué te ayudo?"]);
        var form = Form("  hola, quiero un turno ");

        var response = await app.PostAsync(form);

        Assert.Equal(["Hola <Ana> & co 👋", "¿En qué te ayudo?"], await RepliesAsync(response));
        Assert.Contains("Hola &lt;Ana&gt; &amp; co", await response.Content.ReadAsStringAsync());
        var call = Assert.Single(app.Turns.Calls);
        Assert.Equal(new InboundMessage("demo", Customer, "Ana", "hola, quiero un turno", form["MessageSid"]), call);
        var row = await app.MessageRowAsync(form["MessageSid"]);
        Assert.Equal(("done", "demo"), (row!.GetString("State"), row.GetString("BusinessId")));
    }

    public static TheoryData<string> Forgeries => ["wrong", "missing", "other token", "other url", "tampered body", "added field"];

    [Theory, MemberData(nameof(Forgeries))]
    public async Task Post_ForgedOrMissingSignature_Returns403AndRunsNothing(string forgery)
    {
        await using var app = new WhatsAppApp(azurite);
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
        Assert.Empty(app.Turns.Calls);
        Assert.Null(await app.MessageRowAsync(form["MessageSid"]));
    }

    [Fact]
    public async Task Post_SignedForTheUrlWithDefaultPort_IsAccepted()
    {
        await using var app = new WhatsAppApp(azurite);
        var form = Form("hola");

        var response = await app.PostAsync(form, TwilioSignature.Compute(Token, "https://turnos.example.com:443/api/whatsapp", form));

        Assert.Equal(["eco: hola"], await RepliesAsync(response));
    }

    [Theory]
    [InlineData("From")]
    [InlineData("MessageSid")]
    public async Task Post_MissingRequiredField_Returns400(string field)
    {
        await using var app = new WhatsAppApp(azurite);
        var form = Form("hola");
        form.Remove(field);

        var response = await app.PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Turns.Calls);
    }

    [Fact]
    public async Task Post_NumberOfNoBusiness_EmptyResponseAndNoTurn()
    {
        await using var app = new WhatsAppApp(azurite);

        var response = await app.PostAsync(Form("hola", to: "+14155559999"));

        Assert.Empty(await RepliesAsync(response));
        Assert.Empty(app.Turns.Calls);
    }

    [Fact]
    public async Task Post_MediaOnly_AsksForTextWithoutATurn()
    {
        await using var app = new WhatsAppApp(azurite);
        var form = Form("");
        form["NumMedia"] = "1";
        form["MediaUrl0"] = "https://api.twilio.com/media/ME1";
        form["MediaContentType0"] = "image/jpeg";

        var replies = await RepliesAsync(await app.PostAsync(form));

        Assert.StartsWith("Por ahora solo puedo leer mensajes de texto 🙂", Assert.Single(replies));
        Assert.Empty(app.Turns.Calls);
    }

    [Fact]
    public async Task Post_TwoBusinesses_EachMessageGoesToTheBusinessOfItsNumber()
    {
        await using var app = new WhatsAppApp(azurite);

        await app.PostAsync(Form("hola demo", to: DemoNumber));
        await app.PostAsync(Form("hola barbería", to: BarberNumber));

        Assert.Equal(["demo: hola demo", "barberia: hola barbería"], app.Turns.Calls.Select(c => $"{c.BusinessId}: {c.Text}"));
    }

    [Fact]
    public async Task Post_LongReply_SplitIntoMessagesOfAtMost1600Characters()
    {
        await using var app = new WhatsAppApp(azurite);
        var paragraphs = Enumerable.Range(0, 4).Select(i => $"Párrafo {i}: " + new string('x', 900)).ToArray();
        app.Turns.Reply = (_, _) => Task.FromResult<IReadOnlyList<string>>([string.Join("\n\n", paragraphs)]);

        var replies = await RepliesAsync(await app.PostAsync(Form("precios")));

        Assert.Equal(paragraphs, replies);
        Assert.All(replies, r => Assert.True(r.Length <= 1600));
    }
}
