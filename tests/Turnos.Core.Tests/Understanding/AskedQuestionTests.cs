using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>
/// What a message asks or closes (issue 11): availability and opening-hours questions, goodbyes naming a day, yes
/// in several words, names with initials and number words, and profile-only messages. AR, MX, CL and ES phrasings.
/// </summary>
public class AskedQuestionTests
{
    public static TheoryData<string, string> Availability => Table(
        ("¿Hay lugar el viernes a las 4?", "availability|date=2026-11-20|time=16:00"), ("¿tenés algo mañana a la tarde?", "availability|date=2026-11-19|range=13:00-20:00"), // AR
        ("¿tienen espacio el sábado en la mañana?", "availability|date=2026-11-21"), ("¿está libre el martes a las 11?", "availability|date=2026-11-24|time=11:00"), // MX
        ("¿hay hora para el jueves a las 3?", "availability|date=2026-11-19|time=15:00"), ("¿tienes hora mañana?", "availability|date=2026-11-19"), // CL
        ("¿tenéis hueco el lunes a las 10?", "availability|date=2026-11-23|time=10:00"), ("¿queda algo libre el viernes por la mañana?", "availability|date=2026-11-20"), // ES
        ("¿Lucía tiene turno mañana?", "availability|date=2026-11-19|pro=lucia"), ("¿atienden mañana a las 5?", "availability|date=2026-11-19|time=17:00"));

    [Theory, MemberData(nameof(Availability))]
    public void Understand_QuestionAboutFreeTimes_IsAvailability(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> Hours => Table(
        ("¿a qué hora cierran los sábados?", "hours|date=2026-11-21"), ("¿abren el feriado?", "hours"), ("¿están abiertos el lunes?", "hours|date=2026-11-23"), // AR
        ("¿a qué hora abren?", "hours"), ("¿cuál es su horario de atención?", "hours"), ("¿trabajan los domingos?", "hours|date=2026-11-22"), // MX
        ("¿hasta qué hora atienden hoy?", "hours|date=2026-11-18"), ("¿atiende el sábado?", "hours|date=2026-11-21"),                          // CL
        ("¿atienden los domingos?", "hours|date=2026-11-22"), ("¿qué horario tenéis?", "hours"), ("¿abrís en festivo?", "hours"),              // ES
        ("¿cierran al mediodía?", "hours|time=12:00"), ("¿a qué hora abren los sábados?", "hours|date=2026-11-21"),
        // Free times, not the hours.
        ("¿qué horarios tenés mañana?", "availability"), ("¿a qué hora tenés lugar?", "availability"), ("¿qué horarios tenés?", "availability"));

    [Theory, MemberData(nameof(Hours))]
    public void Understand_QuestionAboutOpeningHours_IsHours(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> Closings => Table(
        ("gracias, nos vemos", "thanks"), ("genial, mil gracias, hasta el jueves!", "thanks"), ("chau, nos vemos el viernes", "thanks"), // AR
        ("muchas gracias, que esté bien", "thanks"), ("gracias, nos vemos mañana", "thanks"),                                         // MX
        ("gracias, nos vemos el viernes", "thanks"), ("ya, gracias, chao", "thanks"),                                                  // CL
        ("vale, gracias, hasta luego", "thanks"), ("gracias, hasta el lunes", "thanks"),                                               // ES
        // A goodbye with a request is the request; "gracias" alone still closes a booking answer.
        ("gracias, quiero otro turno el viernes", "book"), ("mañana a las 5, gracias", "book"), ("hasta el 20 no puedo", "book"));

    [Theory, MemberData(nameof(Closings))]
    public void Understand_GoodbyeNamingADay_IsThanks(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> Yes => Table(
        ("dale, listo", "confirm_yes"), ("listo, dale", "confirm_yes"), ("dale listo gracias", "confirm_yes"), // AR
        ("sale, está bien", "confirm_yes"), ("órale, sí", "confirm_yes"),                                     // MX
        ("ya, dale", "confirm_yes"), ("ya po, listo", "confirm_yes"),                                         // CL
        ("vale, perfecto", "confirm_yes"), ("vale, de acuerdo", "confirm_yes"),                               // ES
        ("no, mejor no", "confirm_no"), ("no, dale otro día", "confirm_no"));

    [Theory, MemberData(nameof(Yes))]
    public void Understand_YesInSeveralWordsWhileConfirming_IsYes(string text, string spec) =>
        Check(Understand(text, Expectation.Confirmation), spec, strict: false, text);

    public static TheoryData<string, string> Names => Table(
        ("Juan Uno Pérez", "name=Juan Uno Pérez"), ("Ana B", "name=Ana B"), ("soy Pedro J. Gómez", "name=Pedro J. Gómez"),             // AR
        ("José M. Ruiz", "name=José M. Ruiz"), ("M. Fernanda López", "name=M. Fernanda López"),                                         // MX
        ("Javiera R.", "name=Javiera R."), ("Luis Cuatro", "name=Luis Cuatro"),                                                         // CL
        ("a nombre de María José Dos Santos", "name=María José dos Santos"), ("Carmen Tres Cantos", "name=Carmen Tres Cantos"),       // ES
        ("Ana 2", "name=null|nameProblem=HasDigits"), ("ana, a las 5", "name=Ana|time=17:00"));

    [Theory, MemberData(nameof(Names))]
    public void Understand_NameWithInitialOrNumberWord_IsTheName(string text, string spec) =>
        Check(Understand(text, Expectation.Name), spec, strict: false, text);

    public static TheoryData<string, string> Plausible => Table(
        // Names starting with (or made of) words the rules know, which the name rules turn down.
        ("Vale Gómez", "name=null|plausibleName=Vale Gómez"), ("Nueva Pérez", "name=null|plausibleName=Nueva Pérez"),
        ("Capaz Soto", "name=null|plausibleName=Capaz Soto"), ("Linda Fecha", "name=null|plausibleName=Linda Fecha"),
        ("no sé", "plausibleName=null"), ("para qué lo necesitás?", "plausibleName=null"), ("juan123", "plausibleName=null"),
        ("ana@mail.com", "plausibleName=null"), ("uno dos tres cuatro cinco", "plausibleName=null"));

    [Theory, MemberData(nameof(Plausible))]
    public void Understand_TextThatCouldBeAName_IsOfferedAsPlausible(string text, string spec) =>
        Check(Understand(text, Expectation.Name), spec, strict: false, text);

    public static TheoryData<string, string> ProfileOnly => Table(
        ("Soy Martina López, martina@gmail.com", "other|name=Martina López|email=martina@gmail.com|date=null"),  // AR
        ("mi correo es carlos.p@hotmail.com", "other|email=carlos.p@hotmail.com|date=null"),                   // MX
        ("habla Camila Rojas, camila.rojas@gmail.com", "other|name=Camila Rojas|email=camila.rojas@gmail.com"), // CL
        ("Hola, me llamo Lucía Pardo", "name=Lucía Pardo|date=null"));                                          // ES

    [Theory, MemberData(nameof(ProfileOnly))]
    public void Understand_OnlyNameOrEmail_KeepsThemAndNoBookingFacts(string text, string spec) => Check(Understand(text), spec, strict: false, text);
}
