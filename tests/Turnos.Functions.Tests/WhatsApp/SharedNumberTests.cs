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
        await using var app = new WhatsAppApp(azurite);

        var question = Assert.Single(await RepliesAsync(await app.PostAsync(ToShared("hola"))));

        Assert.Contains("varios negocios", question);
        Assert.Contains("*Barbería Norte*: #barberia", question);
        Assert.Contains("*Peluquería Demo*: #demo", question);
        Assert.True(question.IndexOf("Barbería", StringComparison.Ordinal) < question.IndexOf("Peluquería", StringComparison.Ordinal));
        Assert.Empty(app.Turns.Calls);
    }

    [Fact]
    public async Task Post_CodeFromAWaMeLink_RoutesAndIsRememberedUntilAnotherCode()
    {
        await using var app = new WhatsAppApp(azurite);

        await app.PostAsync(ToShared("Hola! (código: barberia)"));
        await app.PostAsync(ToShared("quiero cortarme la barba"));
        await app.PostAsync(ToShared("#demo"));
        await app.PostAsync(ToShared("y una manicura?"));

        Assert.Equal(
            ["barberia: Hola!", "barberia: quiero cortarme la barba", "demo: Hola", "demo: y una manicura?"],
            app.Turns.Calls.Select(c => $"{c.BusinessId}: {c.Text}"));
    }

    [Fact]
    public async Task Post_BareCodeAfterTheQuestion_Routes()
    {
        await using var app = new WhatsAppApp(azurite);

        await app.PostAsync(ToShared("buenas"));
        var replies = await RepliesAsync(await app.PostAsync(ToShared("Demo")));

        Assert.Equal(["eco: Hola"], replies);
        Assert.Equal("demo", Assert.Single(app.Turns.Calls).BusinessId);
    }

    [Fact]
    public async Task Post_UnknownCode_SaysSoAndListsTheBusinesses()
    {
        await using var app = new WhatsAppApp(azurite);

        var reply = Assert.Single(await RepliesAsync(await app.PostAsync(ToShared("#inexistente hola"))));

        Assert.StartsWith("No encontré ningún negocio con el código *inexistente*", reply);
        Assert.Contains("#demo", reply);
        Assert.Empty(app.Turns.Calls);
    }

    [Fact]
    public async Task Post_ChoiceOfOneCustomer_DoesNotRouteAnother()
    {
        await using var app = new WhatsAppApp(azurite);

        await app.PostAsync(ToShared("#barberia"));
        var other = Assert.Single(await RepliesAsync(await app.PostAsync(ToShared("hola", from: "+5491155550002"))));

        Assert.Contains("¿Con cuál quieres hablar?", other);
        Assert.Equal("barberia", Assert.Single(app.Turns.Calls).BusinessId);
    }

    [Fact]
    public async Task Post_QuestionRepeatedDelivery_SameQuestion()
    {
        await using var app = new WhatsAppApp(azurite);
        var form = ToShared("hola");

        var first = await RepliesAsync(await app.PostAsync(form));
        var again = await RepliesAsync(await app.PostAsync(form));

        Assert.Equal(first, again);
        Assert.Equal("done", (await app.MessageRowAsync(form["MessageSid"]))!.GetString("State"));
    }
}
