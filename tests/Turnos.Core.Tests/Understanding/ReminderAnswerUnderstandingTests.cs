using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Answers to a reminder ("Responde 1 para confirmar, 2 para cancelar o 3 para cambiar el horario"): the number
/// is the choice, a bare "cambiar" a reschedule, a yes without a request a yes; a new request stays a request.</summary>
public class ReminderAnswerUnderstandingTests
{
    public static TheoryData<string, string> Answers => Table(
        ("1", "choice=1"), ("2", "choice=2"), ("*3*", "choice=3"), ("uno", "choice=1"),
        ("sí", "confirm_yes"), ("Confirmo", "confirm_yes"), ("perfecto, gracias!", "confirm_yes"), ("genial", "confirm_yes"),
        ("ok gracias, nos vemos", "confirm_yes"), ("no", "confirm_no"),
        ("cancelar", "cancel"), ("cancelo", "cancel"), ("no voy a poder ir", "cancel"),
        ("cambiar", "reschedule"), ("quiero cambiar", "reschedule"), ("reprogramar", "reschedule"),
        ("3, el jueves a las 5", "choice=3|date=2026-11-19|time=17:00"),
        // Not answers: a new request, a goodbye naming the day already booked, a time.
        ("sí, y quiero otro turno el viernes", "book|date=2026-11-20"), ("gracias, nos vemos el martes", "thanks"), ("a la 1", "time=13:00|choice=null"));

    [Theory, MemberData(nameof(Answers))]
    public void Understand_AnswerToAReminder(string text, string spec) => Check(Understand(text, Expectation.Reminder), spec, strict: false, text);

    public static TheoryData<string, string> EnglishAnswers => Table(
        ("yes", "confirm_yes"), ("confirm", "confirm_yes"), ("great, thanks!", "confirm_yes"), ("2", "choice=2"),
        ("cancel", "cancel"), ("change", "reschedule"), ("reschedule please", "reschedule"));

    [Theory, MemberData(nameof(EnglishAnswers))]
    public void Understand_AnswerToAReminder_InEnglish(string text, string spec)
    {
        var u = RulesUnderstanding.Understand(new UnderstandingContext(text, Now, Demo, Expectation.Reminder, Businesses.Language.En));

        Check(u, spec, strict: false, text);
    }

    [Fact]
    public void Understand_NumberWithoutAReminder_IsNoChoice() => Assert.Null(Understand("1").Choice);
}
