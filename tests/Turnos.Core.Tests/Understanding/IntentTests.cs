using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>What the customer wants, with nothing else expected.</summary>
public class IntentTests
{
    public static TheoryData<string, string> Intents => Table(
        ("hola", "greet"), ("Hola!", "greet"), ("buenas", "greet"), ("buen día", "greet"), ("buenos días", "greet"),
        ("buenas tardes", "greet"), ("buenas noches", "greet"), ("holis", "greet"), ("hola, qué tal?", "greet"), ("👋", "greet"),
        ("quiero un turno", "book"), ("quisiera reservar", "book"), ("necesito un turno", "book"), ("me gustaría agendar", "book"),
        ("quiero sacar turno", "book"), ("hola, quiero un turno", "book"), ("anotame para mañana", "book"),
        ("corte", "book"), ("mañana a las 3", "book"), ("el viernes", "book"), ("a la tarde", "book"), ("con Lucía", "book"),
        ("¿qué horarios tienen el viernes?", "availability"), ("tenés lugar mañana?", "availability"),
        ("¿hay turno hoy?", "availability"), ("¿tienen disponibilidad el sábado?", "availability"),
        ("qué días atienden?", "hours"), ("tenés algo para hoy?", "availability"), ("cuándo puedo ir?", "availability"),
        ("a qué hora abren?", "hours"), ("tienen para el lunes?", "availability"), ("hay lugar a la tarde?", "availability"),
        ("quiero un turno para mañana, qué horarios tenés?", "availability"),
        ("cuánto sale?", "price"), ("cuánto sale el corte", "price"), ("cuánto cuesta la manicura?", "price"),
        ("qué servicios hacen?", "price"), ("precios", "price"), ("lista de precios", "price"), ("qué valor tiene la barba?", "price"),
        ("cuánto cobran el peinado", "price"), ("qué hacen?", "price"), ("cuánto dura la coloración?", "price"),
        ("sí", "confirm_yes"), ("si", "confirm_yes"), ("dale", "confirm_yes"), ("ok", "confirm_yes"), ("perfecto", "confirm_yes"),
        ("de una", "confirm_yes"), ("👍", "confirm_yes"), ("listo", "confirm_yes"), ("confirmo", "confirm_yes"),
        ("está bien", "confirm_yes"), ("me sirve", "confirm_yes"), ("claro", "confirm_yes"), ("sí, dale", "confirm_yes"),
        ("no", "confirm_no"), ("mejor no", "confirm_no"), ("nop", "confirm_no"), ("no, gracias", "confirm_no"),
        ("para nada", "confirm_no"), ("👎", "confirm_no"), ("creo que no", "confirm_no"), ("no me sirve", "confirm_no"),
        ("quiero cancelar mi turno", "cancel"), ("cancelar", "cancel"), ("cancelá el turno porfa", "cancel"), ("anulalo", "cancel"),
        ("no voy a poder ir", "cancel"), ("no puedo ir mañana", "cancel"), ("dar de baja el turno", "cancel"),
        ("quiero cambiar el turno", "reschedule"), ("mover el turno al jueves", "reschedule"), ("pasar el turno para el lunes", "reschedule"),
        ("reprogramar", "reschedule"), ("¿lo puedo pasar para otro día? pasalo al viernes", "reschedule"),
        ("necesito postergar mi turno", "reschedule"), ("podemos correr el turno una hora?", "reschedule"),
        ("quiero cancelar y pasarlo al viernes", "reschedule"),
        ("gracias", "thanks"), ("muchas gracias!", "thanks"), ("chau", "thanks"), ("gracias, nos vemos", "thanks"),
        ("hasta mañana", "thanks"), ("gracias, hasta mañana!", "thanks"), ("ok gracias", "thanks"), ("🙏", "thanks"),
        ("quiero hablar con una persona", "human"), ("un humano", "human"), ("atención al cliente", "human"),
        ("necesito hablar con alguien", "human"), ("¿sos un bot?", "human"), ("pasame con un operador", "human"),
        ("quiero hablar con la encargada", "human"),
        ("asdf", "other"), ("jajaja", "other"), ("?", "other"), ("", "other"), ("   ", "other"), ("😀", "other"),
        ("dónde quedan?", "other"), ("me llamo Juan", "other"));

    [Theory, MemberData(nameof(Intents))]
    public void Understand_Utterance_HasTheIntent(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> Confirmations => Table(
        ("sí", "confirm_yes"), ("dale", "confirm_yes"), ("bueno", "confirm_yes"), ("genial", "confirm_yes"), ("joya", "confirm_yes"),
        ("sí, gracias", "confirm_yes"), ("perfecto, gracias!", "confirm_yes"), ("buenísimo", "confirm_yes"), ("siii", "confirm_yes"),
        ("ok, confirmame", "confirm_yes"), ("dale, a las 4 entonces", "confirm_yes|time=16:00"),
        ("no", "confirm_no"), ("no, a las 4 mejor", "confirm_no|time=16:00"), ("noo", "confirm_no"), ("nah", "confirm_no"),
        ("no me queda bien", "confirm_no"), ("ninguno", "confirm_no"), ("por ahora no", "confirm_no"),
        ("no, quiero cancelar", "cancel"), ("gracias", "thanks"));

    [Theory, MemberData(nameof(Confirmations))]
    public void Understand_AnswerToAConfirmation_ReadsYesOrNo(string text, string spec) =>
        Check(Understand(text, Expectation.Confirmation), spec, strict: false, text);

    [Theory]
    [InlineData("genial")]
    [InlineData("bueno")]
    [InlineData("joya")]
    public void Understand_SmallTalkWithoutAQuestion_IsNotAConfirmation(string text) =>
        Assert.Equal(Intent.Other, Understand(text).Intent);

    [Fact]
    public void Understand_TurnForOnePerson_IsNotAskingForAHuman() =>
        Assert.Equal(Intent.Book, Understand("un turno para una persona mañana").Intent);

    [Fact]
    public void Understand_FactsPickingAnAppointment_AreNotANewBooking()
    {
        var u = Understand("el del viernes", Expectation.WhichAppointment);
        Assert.Equal(Intent.Other, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 20), u.Date);
    }

    [Fact]
    public void Understand_SameInput_SameUnderstanding()
    {
        const string text = "hola, quiero cortarme el pelo mañana a las 3 con Lucía, soy Juan, juan@gmail.com";
        Assert.Equal(Understand(text), Understand(text));
        Assert.Equal(UnderstandingSource.Rules, Understand(text).Source);
    }
}
