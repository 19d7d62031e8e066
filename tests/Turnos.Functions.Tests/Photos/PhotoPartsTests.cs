using Turnos.Functions.Chat;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.LanguageModel;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.Photos;

/// <summary>The pieces between a message and the model: image links out of chat text, which Twilio URLs get the account's
/// credentials, and the model's description made fit for the reply.</summary>
public sealed class PhotoPartsTests
{
    [Fact]
    public void ChatLinks_TheSeedsExample_ComesApart()
    {
        var (text, images) = ChatImageLinks.Extract("¿Pueden replicar este diseño? https://ejemplo.com/foto.jpg Para el viernes");

        Assert.Equal("¿Pueden replicar este diseño? Para el viernes", text);
        Assert.Equal([new MessageAttachment("https://ejemplo.com/foto.jpg", "image/jpeg")], images);
    }

    [Theory]
    [InlineData("mirá (https://x.example/a/b.PNG).", "mirá ().", "https://x.example/a/b.PNG", "image/png")]
    [InlineData("así: https://cdn.example/u/1.webp?X-Amz-Signature=a%2Bb&e=1, gracias", "así: , gracias",
        "https://cdn.example/u/1.webp?X-Amz-Signature=a%2Bb&e=1", "image/webp")]
    [InlineData("http://fotos.example/gif/baile.gif", "", "http://fotos.example/gif/baile.gif", "image/gif")]
    public void ChatLinks_KeepTheLinkAsWritten_WithoutTrailingPunctuation(string message, string text, string link, string type)
    {
        var (rest, images) = ChatImageLinks.Extract(message);

        Assert.Equal(text, rest);
        Assert.Equal([new MessageAttachment(link, type)], images);
    }

    [Theory]
    [InlineData("mi web es https://peluqueria.example/turnos y el 15 a las 10")]
    [InlineData("el pdf: https://example.com/precios.pdf")]
    [InlineData("sin links, solo un corte.jpg")]
    public void ChatLinks_OtherLinks_StayInTheText(string message) => Assert.Equal((message, 0), (ChatImageLinks.Extract(message).Text,
        ChatImageLinks.Extract(message).Images.Count));

    private static readonly TwilioOptions Twilio = new() { AccountSid = "AC0123456789abcdef0123456789abcdef", ApiBaseUrl = new("http://127.0.0.1:5055") };

    [Theory]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1",
        "http://127.0.0.1:5055/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1")]
    [InlineData("http://127.0.0.1:5055/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1",
        "http://127.0.0.1:5055/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1")]
    [InlineData("https://evil.example/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1", null)]
    [InlineData("http://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1", null)]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC9999999999999999999999999999999/Messages/MM1/Media/ME1", null)]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json", null)]
    [InlineData("https://user:pw@api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1", null)]
    public void TwilioMedia_CredentialsGoOnlyToThisAccountsMediaOnTwilio(string url, string? fetched) =>
        Assert.Equal(fetched, TwilioMedia.Rebased(url, Twilio)?.ToString());

    [Theory]
    [InlineData("Un corte *bob* en capas.", "un corte bob en capas")]
    [InlineData("  UV gel nails\nwith   flowers ", "UV gel nails with flowers")]
    [InlineData("a flyer saying visit www.example.com", null)]
    [InlineData("escribe a promo@example.com", null)]
    [InlineData("   ", null)]
    public void Summaries_AreMadeFitForTheReply(string model, string? reply) => Assert.Equal(reply, PhotoSummaries.Read(model));

    [Fact]
    public void Summaries_TooLong_AreCutAtAWord()
    {
        var summary = PhotoSummaries.Read(string.Join(' ', Enumerable.Repeat("flores", 40)))!;

        Assert.True(summary.Length <= PhotoSummaries.MaxLength + 1);
        Assert.EndsWith("flores…", summary);
    }
}
