using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Functions.Tests.WhatsApp.WhatsAppApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>One number (Twilio:SharedNumbers) for both test businesses: the customer picks one by its code.</summary>
[Collection("Azurite")]
public sealed class SharedNumberTests(AzuriteFixture azurite)
{
    private static Dictionary<string, string> ToShared(string text, string from = Customer) => Form(text, from: from, to: SharedNumber);

    [Fact]
    public async Task Post_FirstMessageWithoutCode_AsksWhichBusinessListingNamesAndCodes()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);

        var question = Assert.Single(await app.ExchangeAsync(ToShared("hola"), businessId: null));

        Assert.Contains("varios negocios", question);
        Assert.Contains("*Barbería Norte*: #barberia", question);
        Assert.Contains("*Peluquería Demo*: #demo", question);
        Assert.True(question.IndexOf("Barbería", StringComparison.Ordinal) < question.IndexOf("Peluquería", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_CodeFromAWaMeLink_RoutesAndIsRememberedUntilAnotherCode()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);

        string[] texts = ["Hola! (código: barberia)", "quiero cortarme la barba", "#demo", "y una manicura?"];
        string[] businesses = ["barberia", "barberia", "demo", "demo"];
        var forms = texts.Select(t => ToShared(t)).ToList();
        var replies = new List<string>();
        for (var i = 0; i < forms.Count; i++) replies.Add(string.Join("\n", await app.ExchangeAsync(forms[i], businesses[i])));

        var routed = new List<string?>();
        foreach (var form in forms) routed.Add((await app.MessageRowAsync(form["MessageSid"]))!.GetString("BusinessId"));
        Assert.Equal(businesses, routed);
        Assert.Contains("*Barbería Norte*", replies[0]);
        Assert.Contains("*Peluquería Demo*", replies[2]);
    }

    [Fact]
    public async Task Post_BareCodeAfterTheQuestion_Routes()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);

        await app.ExchangeAsync(ToShared("buenas"), businessId: null);
        var form = ToShared("Demo");
        var replies = await app.ExchangeAsync(form, "demo");

        Assert.Contains("*Peluquería Demo*", string.Join("\n", replies));
        Assert.Equal("demo", (await app.MessageRowAsync(form["MessageSid"]))!.GetString("BusinessId"));
    }

    [Fact]
    public async Task Post_FirstMessageInEnglish_AsksWhichBusinessInEnglish()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);

        var question = Assert.Single(await app.ExchangeAsync(ToShared("hi! can I book a haircut tomorrow?"), businessId: null));
        var unknown = Assert.Single(await app.ExchangeAsync(ToShared("#nowhere hi, I'd like a haircut please", from: "+5491155550002"), businessId: null));

        Assert.StartsWith("Hi! 👋 This number serves several businesses.", question);
        Assert.Contains("Reply with the business's code, for example *#barberia*:", question);
        Assert.Contains("*Peluquería Demo*: #demo", question);
        Assert.StartsWith("I couldn't find any business with the code *nowhere*", unknown);
    }

    [Fact]
    public async Task Post_UnknownCode_SaysSoAndListsTheBusinesses()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);

        var reply = Assert.Single(await app.ExchangeAsync(ToShared("#inexistente hola"), businessId: null));

        Assert.StartsWith("No encontré ningún negocio con el código *inexistente*", reply);
        Assert.Contains("#demo", reply);
    }

    [Fact]
    public async Task Post_ChoiceOfOneCustomer_DoesNotRouteAnother()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);

        var chosen = ToShared("#barberia");
        await app.ExchangeAsync(chosen, "barberia");
        var other = Assert.Single(await app.ExchangeAsync(ToShared("hola", from: "+5491155550002"), businessId: null));

        Assert.Contains("¿Con cuál quieres hablar?", other);
        Assert.Equal("barberia", (await app.MessageRowAsync(chosen["MessageSid"]))!.GetString("BusinessId"));
    }

    [Fact]
    public async Task Post_QuestionRepeatedDelivery_AskedOnce()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite);
        var form = ToShared("hola");

        var first = await app.ExchangeAsync(form, businessId: null);
        var again = await app.ExchangeAsync(form, businessId: null);

        Assert.Single(first);
        Assert.Empty(again);
        Assert.Equal("done", (await app.MessageRowAsync(form["MessageSid"]))!.GetString("State"));
    }
}
