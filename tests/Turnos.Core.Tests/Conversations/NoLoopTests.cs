using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>The dialogue never loops (issue 11 §1): the second ask says why, the third stops insisting.</summary>
public class NoLoopTests
{
    public static TheoryData<string> UnusableNames => ["Ana 2", "Juan123", "@@@", "?", "x"];

    [Theory, MemberData(nameof(UnusableNames))]
    public void Decide_NameNotTaken_SecondAskSaysWhyWithAnExample(string answer)
    {
        var facts = Facts();
        var asked = AtTheSlot(facts);
        Assert.Equal(Replies.AskName, asked.Replies[^1]);

        var again = Hear(asked.State, answer, facts);

        Assert.Equal(Expectation.Name, again.State.Expecting);
        Assert.EndsWith("Necesito solo tu nombre y apellido, por ejemplo: *Ana Gómez*.", again.Replies[^1]);
        Assert.NotEqual(asked.Replies[^1], again.Replies[^1]);
    }

    // Names the name rules turn down (their first word is a word they know), one per country.
    public static TheoryData<string, string> PlausibleNames => new()
    {
        { "Vale Gómez", "Vale Gómez" },       // AR
        { "Capaz Soto", "Capaz Soto" },       // MX (a surname)
        { "Nueva Pérez", "Nueva Pérez" },     // CL
        { "Linda Fecha", "Linda Fecha" },     // ES
    };

    [Theory, MemberData(nameof(PlausibleNames))]
    public void Decide_NameAskedTwice_ThirdTimeTakesAPlausibleName(string answer, string name)
    {
        var facts = Facts();
        var d = AtTheSlot(facts);
        d = Hear(d.State, answer, facts);
        Assert.Equal(Expectation.Name, d.State.Expecting);
        d = Hear(d.State, answer, facts);

        Assert.Equal(name, d.State.CustomerName);
        Assert.Contains($"lo anoto a nombre de *{name}*", d.Replies[0]);
        Assert.Equal((Expectation.Email, Replies.AskEmail), (d.State.Expecting, d.Replies[^1]));
    }

    [Theory]
    [InlineData("123"), InlineData("no sé"), InlineData("para qué?"), InlineData("uno dos tres cuatro cinco seis")]
    public void Decide_NameAskedTwice_ThirdTimeWithNoNameOffersAPerson(string answer)
    {
        var facts = Facts();
        var d = AtTheSlot(facts);
        d = Hear(Hear(d.State, answer, facts).State, answer, facts);

        Assert.Contains("¿Quieres que te escriba una persona del equipo", d.Replies[^1]);
        Assert.Equal((true, Expectation.Name), (d.State.HandoffOffered, d.State.Expecting));
        Assert.IsType<TurnEffect.FlagForHuman>(Hear(d.State, "sí", facts).Effect);
        var later = Hear(d.State, "Ana Gómez", facts);
        Assert.Equal(("Ana Gómez", Expectation.Email), (later.State.CustomerName, later.State.Expecting));
    }

    [Theory]
    [InlineData("no tengo"), InlineData("1155550000"), InlineData("juan@"), InlineData("prefiero no darlo")]
    public void Decide_EmailAskedTwice_ThirdTimeGoesOnWithoutItWhenThePolicyAllows(string answer)
    {
        var facts = Facts(Snapshot(new BookingPolicy { AllowBookingWithoutEmail = true }), name: "Ana Gómez");
        var d = AtTheSlot(facts);
        Assert.Equal(Expectation.Email, d.State.Expecting);
        d = Hear(d.State, answer, facts);
        Assert.EndsWith("Necesito una dirección completa, por ejemplo: *nombre@gmail.com*.", d.Replies[^1]);
        d = Hear(d.State, answer, facts);

        Assert.Equal(Replies.GoOnWithoutEmail, d.Replies[0]);
        Assert.Equal((Expectation.Confirmation, Replies.AskConfirm), (d.State.Expecting, d.Replies[^1]));
        var book = Assert.IsType<TurnEffect.Book>(Hear(d.State, "sí", facts).Effect);
        Assert.Null(book.Email);
    }

    [Fact]
    public void Decide_EmailAskedTwice_ThirdTimeOffersAPersonByDefault_AndAnEmailStillGoesOn()
    {
        var facts = Facts(name: "Ana Gómez");
        var d = AtTheSlot(facts);
        d = Hear(Hear(d.State, "1155556666", facts).State, "juan@@example", facts);

        Assert.StartsWith("Ese email no parece válido. 🙈 ¿Quieres que te escriba una persona", d.Replies[^1]);
        Assert.IsType<TurnEffect.FlagForHuman>(Hear(d.State, "sí, por favor", facts).Effect);
        var email = Hear(d.State, "ana@example.com", facts);
        Assert.Equal((Expectation.Confirmation, Replies.AskConfirm), (email.State.Expecting, email.Replies[^1]));
        var no = Hear(d.State, "no", facts);
        Assert.Equal((Expectation.Email, Replies.AskEmail), (no.State.Expecting, no.Replies[^1]));
    }

    [Theory]
    [InlineData("no sé"), InlineData("cuando puedas vos"), InlineData("ni idea, cuando haya"), InlineData("lo que sea")]
    public void Decide_DateAskedTwice_ThirdTimeOffersTheThreeNearestAsChoices(string answer)
    {
        var facts = Facts();
        var d = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte" }, facts);
        Assert.Equal(Expectation.Date, d.State.Expecting);
        d = Hear(d.State, answer, facts);
        Assert.Contains("por ejemplo: *mañana*", d.Replies[^1]);
        d = Hear(d.State, answer, facts);

        Assert.Equal(Expectation.Choice, d.State.Expecting);
        Assert.Equal([Utc(Monday, 9, 0), Utc(Monday, 9, 30), Utc(Monday, 10, 0)], d.State.Offered.Select(o => o.StartUtc));
        Assert.StartsWith("Te propongo los horarios libres más cercanos:\n1) hoy (lunes 9/3) a las 09:00", d.Replies[^1]);
        Assert.Equal(Utc(Monday, 9, 30), Hear(d.State, "la 2", facts).State.Pending?.StartUtc);
    }

    [Fact]
    public void Decide_NotUnderstoodThreeTimes_OffersAPerson()
    {
        var facts = Facts();
        var d = Hear(Fresh, "asdf", facts);
        d = Hear(d.State, "qwerty", facts);
        Assert.StartsWith("Perdón, no te entendí. Puedes escribirme, por ejemplo:", d.Replies[^1]);
        d = Hear(d.State, "zxcv", facts);

        Assert.Equal((true, Expectation.None), (d.State.HandoffOffered, d.State.Expecting));
        Assert.IsType<TurnEffect.FlagForHuman>(Hear(d.State, "sí", facts).Effect);
        Assert.Equal(Replies.NoHandoff, Hear(d.State, "no", facts).Replies[^1]);
    }
}
