using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.WhatsApp;

public sealed class InboundParsingTests
{
    [Fact]
    public void Parse_TwilioWhatsAppForm_StripsPrefixesAndTrims()
    {
        var (message, missing) = TwilioInbound.Parse(new Dictionary<string, string>
        {
            ["From"] = "whatsapp:+5491155550001",
            ["To"] = "whatsapp:+14155238886",
            ["Body"] = "  hola  ",
            ["MessageSid"] = "SM1",
            ["ProfileName"] = "Ana",
            ["NumMedia"] = "0",
            ["WaId"] = "5491155550001",
        });

        Assert.Empty(missing);
        Assert.Equal(new TwilioInbound("+5491155550001", "+14155238886", "SM1", "Ana", "hola", 0), message);
    }

    [Fact]
    public void Parse_Media_ListsEachUrlWithItsType_AsTwilios()
    {
        var (message, _) = TwilioInbound.Parse(new Dictionary<string, string>
        {
            ["From"] = "whatsapp:+5491155550001",
            ["MessageSid"] = "MM1",
            ["NumMedia"] = "3",
            ["MediaUrl0"] = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME0",
            ["MediaContentType0"] = "image/jpeg",
            ["MediaUrl1"] = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
            // ME1 has no type (a file, then); MediaUrl2 is missing (skipped); MediaUrl3 is beyond NumMedia.
            ["MediaUrl3"] = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME3",
        });

        Assert.Equal(
            [
                new MessageAttachment("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME0", "image/jpeg", FromTwilio: true),
                new MessageAttachment("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "application/octet-stream", FromTwilio: true),
            ],
            message!.Media);
        Assert.Equal(("", 3), (message.Text, message.NumMedia));
    }

    [Fact]
    public void Parse_MissingFromAndSid_NamesThem() =>
        Assert.Equal(["From", "MessageSid"], TwilioInbound.Parse(new Dictionary<string, string> { ["Body"] = "hola" }).Missing);

    [Theory]
    [InlineData("", "Sí, confirmo", "confirm_yes", "Sí, confirmo")]
    [InlineData("", "", "confirm_yes", "confirm_yes")]
    [InlineData("sí", "Sí, confirmo", "confirm_yes", "sí")]
    public void Parse_ButtonReply_UsesBodyThenButtonTextThenPayload(string body, string buttonText, string payload, string expected)
    {
        var (message, _) = TwilioInbound.Parse(new Dictionary<string, string>
        {
            ["From"] = "whatsapp:+5491155550001",
            ["MessageSid"] = "SM1",
            ["Body"] = body,
            ["ButtonText"] = buttonText,
            ["ButtonPayload"] = payload,
        });

        Assert.Equal(expected, message!.Text);
    }

    [Fact]
    public void Parse_MediaOnly_EmptyTextAndMediaCount()
    {
        var (message, _) = TwilioInbound.Parse(new Dictionary<string, string> { ["From"] = "whatsapp:+5491155550001", ["MessageSid"] = "SM1", ["NumMedia"] = "2" });

        Assert.Equal(("", 2), (message!.Text, message.NumMedia));
    }

    [Theory]
    [InlineData("Hola! (código: demo)", "demo", "Hola!")]
    [InlineData("Hola! (codigo: Barberia)", "barberia", "Hola!")]
    [InlineData("#demo quiero un turno", "demo", "quiero un turno")]
    [InlineData("quiero un turno #demo", "demo", "quiero un turno")]
    [InlineData("código demo", "demo", "")]
    [InlineData("#peluqueria-centro", "peluqueria-centro", "")]
    public void FindCode_CodeInText_CodeAndTheRest(string text, string code, string rest) =>
        Assert.Equal((code, rest), BusinessCode.Find(text));

    [Theory]
    [InlineData("hola, quiero un turno")]
    [InlineData("mi mail es ana#1@example.com")]
    [InlineData("C# es lindo")]
    public void FindCode_NoCode_Null(string text) => Assert.Null(BusinessCode.Find(text).Code);

    [Theory]
    [InlineData("demo", "demo")]
    [InlineData(" #Demo ", "demo")]
    [InlineData("hola", "hola")]
    [InlineData("hola que tal", null)]
    public void Bare_SingleWord_IsACandidateCode(string text, string? expected) => Assert.Equal(expected, BusinessCode.Bare(text));
}
