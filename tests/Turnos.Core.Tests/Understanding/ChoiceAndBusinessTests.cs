using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Picking one of the offered options, and naming the business on a shared WhatsApp number.</summary>
public class ChoiceAndBusinessTests
{
    public static TheoryData<string, string> Choices => Table(
        ("la 2", "choice=2"), ("2", "choice=2"), ("el 2", "choice=2|date=null"), ("la dos", "choice=2"), ("dos", "choice=2"),
        ("la segunda", "choice=2"), ("la primera", "choice=1"), ("el primero", "choice=1"), ("la tercera", "choice=3"),
        ("la 3ra", "choice=3"), ("la 1°", "choice=1"), ("opción 2", "choice=2"), ("la opcion 3", "choice=3"), ("número 1", "choice=1"),
        ("la última", "choice=-1"), ("el último", "choice=-1"), ("la anteúltima", "choice=-2"), ("dale, la 2", "choice=2|intent=confirm_yes"),
        ("el de las 10", "choice=null|time=10:00"), ("la de las 11:30", "choice=null|time=11:30"), ("a las 3", "choice=null|time=15:00"),
        ("el viernes", "choice=null|date=2026-11-20"), ("es mi primera vez", "choice=null"), ("ninguna", "choice=null|intent=confirm_no"));

    [Theory, MemberData(nameof(Choices))]
    public void Understand_AnswerToOptions_IsTheChoice(string text, string spec) => Check(Understand(text, Expectation.Choice), spec, strict: false, text);

    [Theory]
    [InlineData("la 2")]
    [InlineData("la segunda")]
    public void Understand_OptionWordsWithoutOptions_AreNoChoice(string text) => Assert.Null(Understand(text).Choice);

    [Fact]
    public void Understand_WhichAppointment_ReadsTheChoiceToo() => Assert.Equal(2, Understand("el segundo", Expectation.WhichAppointment).Choice);

    public static TheoryData<string, string> Businesses => Table(
        ("#demo", "business=demo"), ("#Demo hola, quiero un turno", "business=demo|intent=book"), ("hola #demo", "business=demo|intent=greet"),
        ("negocio demo", "business=demo"), ("código: demo", "business=demo"), ("Hola! Quiero reservar en #peluqueria-centro", "business=peluqueria-centro"),
        ("#", "business=null"), ("quiero un turno", "business=null"), ("negocio", "business=null"));

    [Theory, MemberData(nameof(Businesses))]
    public void Understand_BusinessCodeInAMessage_IsTheLowercaseSlug(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> AnswersToBusiness => Table(
        ("demo", "business=demo"), ("Demo", "business=demo"), ("DEMO", "business=demo"), ("#demo", "business=demo"),
        ("es demo", "business=demo"), ("peluqueria demo", "business=peluqueria-demo"), ("salon-norte", "business=salon-norte"),
        ("barbería centro", "business=barberia-centro"), ("hola", "business=null|intent=greet"));

    [Theory, MemberData(nameof(AnswersToBusiness))]
    public void Understand_AnswerToWhichBusiness_IsTheSlug(string text, string spec) =>
        Check(Understand(text, Expectation.Business), spec, strict: false, text);
}
