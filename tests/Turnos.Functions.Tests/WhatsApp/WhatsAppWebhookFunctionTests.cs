using System.Xml.Linq;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.WhatsApp;
using static Turnos.Functions.Tests.WhatsApp.WhatsAppApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>The <c>WhatsAppWebhook</c> function (<c>POST /api/whatsapp</c>), called directly: the webhook's TwiML, behind
/// the signature over the public URL.</summary>
[Collection("Azurite")]
public sealed class WhatsAppWebhookFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SignedMessage_IsAnsweredWithTwiML()
    {
        await using var app = new WhatsAppApp(azurite);
        var form = Form("hola");
        using var call = Post(app, form);
        call.Request.Headers[TwilioSignature.Header] = TwilioSignature.Compute(Token, PublicBase + "/api/whatsapp", form);

        var answer = await call.AnswerAsync(call.Function<WhatsAppWebhookFunction>().Receive(call.Request));

        Assert.Equal(200, answer.Status);
        Assert.Equal(TwiML.ContentType, answer.ContentType);
        Assert.Equal(["eco: hola"], XDocument.Parse(answer.Body).Root!.Elements("Message").Select(m => m.Value));
        Assert.Equal(form["MessageSid"], Assert.Single(app.Turns.Calls).MessageSid);
    }

    [Fact]
    public async Task ForgedSignature_Is403_AndRunsNoTurn()
    {
        await using var app = new WhatsAppApp(azurite);
        var form = Form("hola");
        using var call = Post(app, form);
        call.Request.Headers[TwilioSignature.Header] = TwilioSignature.Compute(Token, "https://elsewhere.example/api/whatsapp", form);

        var answer = await call.AnswerAsync(call.Function<WhatsAppWebhookFunction>().Receive(call.Request));

        Assert.Equal(403, answer.Status);
        Assert.Empty(app.Turns.Calls);
    }

    private static FunctionCall Post(WhatsAppApp app, Dictionary<string, string> form) =>
        new(app.Services, "POST", "/api/whatsapp",
            body: string.Join('&', form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")),
            contentType: "application/x-www-form-urlencoded");
}
