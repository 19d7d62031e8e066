using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>The source system's gateway (<see cref="Channel.ChatApi"/>): an appointment that names no service is the
/// business's chat service, and the name and email asked "to confirm" book it. "Now" is Monday 2026-03-09 08:00.</summary>
public class ChatApiDialogueTests
{
    private static TurnFacts ChatFacts(string? name = null, string? email = null, Channel channel = Channel.ChatApi)
    {
        var s = Snapshot();
        return Facts(new BusinessSnapshot(s.Business with { ChatServiceId = "corte" }, s.Services, s.Professionals, s.Blocks), name, email)
            with { Channel = channel };
    }

    [Fact]
    public void AMeetingWithNoService_IsTheChatService_AndTheDetailsAskedToConfirmBookIt()
    {
        var facts = ChatFacts();

        var first = Hear(Fresh, "Hola, quiero agendar una reunión", facts);
        var second = Hear(first.State, "Para el martes a las 10", facts);
        var third = Hear(second.State, "Juan Pérez, juan.perez@email.com", facts);

        Assert.Equal((Expectation.Date, "corte"), (first.State.Expecting, first.State.Draft.ServiceId));
        Assert.Equal(Expectation.Name, second.State.Expecting);
        Assert.Equal("¡Perfecto! Mañana (martes 10/3) a las 10:00 con Carlos está disponible. ✅ Para confirmar, necesito tu nombre completo y tu correo electrónico.",
            second.Replies[^1]);
        Assert.Equal(new TurnEffect.Book("corte", "carlos", Utc(Tuesday, 10, 0), "Juan Pérez", "juan.perez@email.com"), third.Effect);
    }

    [Fact]
    public void OnWhatsApp_TheSameWords_AskWhichService()
    {
        var facts = ChatFacts(channel: Channel.WhatsApp);

        var d = Hear(Fresh, "Hola, quiero agendar una reunión", facts);

        Assert.Equal(Expectation.Service, d.State.Expecting);
        Assert.Null(d.State.Draft.ServiceId);
    }

    [Fact]
    public void ANamedService_IsBookedRatherThanTheChatService()
    {
        var d = Hear(Fresh, "quiero una manicura el martes a las 10", ChatFacts());

        Assert.Equal("manicura", d.State.Draft.ServiceId);
    }

    [Fact]
    public void ACustomerWhoseDetailsAreKnown_StillConfirms()
    {
        var facts = ChatFacts(name: "Ana Gómez", email: "ana@example.com");

        var d = Hear(Fresh, "¿Puedo el martes a las 10?", facts);
        if (d.State.Expecting == Expectation.Confirmation && d.State.PendingIsOffer) d = Hear(d.State, "sí", facts);

        Assert.Null(d.Effect);
        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
        Assert.IsType<TurnEffect.Book>(Hear(d.State, "sí", facts).Effect);
    }

    [Fact]
    public void OnlyTheName_AsksForTheEmailPlainly_ThenBooks()
    {
        var facts = ChatFacts();
        var asked = Hear(Fresh, "una reunión el martes a las 10", facts);

        var named = Hear(asked.State, "Juan Pérez", facts);
        var booked = Hear(named.State, "juan@example.com", facts);

        Assert.Equal((Expectation.Email, Replies.AskEmail), (named.State.Expecting, named.Replies[^1]));
        Assert.Equal(new TurnEffect.Book("corte", "carlos", Utc(Tuesday, 10, 0), "Juan Pérez", "juan@example.com"), booked.Effect);
    }

    [Fact]
    public void TimesForADay_WithNoService_AreTheChatServicesFreeTimes()
    {
        var d = Hear(Fresh, "¿Qué horarios tienen disponibles para el martes?", ChatFacts());

        Assert.Equal(Expectation.Choice, d.State.Expecting);
        Assert.NotEmpty(d.State.Offered);
        Assert.Contains("tengo libre", d.Replies[^1]);
    }

    [Fact]
    public void DetailsThatNeverComeRight_AreNotAskedForever()
    {
        var facts = ChatFacts();
        var d = Hear(Fresh, "una reunión el martes a las 10", facts);

        for (var i = 0; i < 2; i++) d = Hear(d.State, "123", facts);

        Assert.Null(d.Effect);
        Assert.True(d.State.HandoffOffered);
        Assert.Contains("una persona del equipo", d.Replies[^1]);
    }
}
