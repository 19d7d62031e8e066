using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Opening-hours questions answered from the hours and blocks, without a booking (issue 11 §3).
/// "Now" is Monday 2026-03-09 08:00 in Buenos Aires.</summary>
public class OpeningHoursTests
{
    public static TheoryData<string, string> HoursQuestions => new()
    {
        { "¿a qué hora cierran los sábados?", "El sábado 14/3 atendemos de 09:00 a 13:00." },     // AR
        { "¿atienden los domingos?", "Los domingos no atendemos." },                              // MX
        { "¿hasta qué hora atienden hoy?", "Hoy atendemos de 09:00 a 19:00." },                   // CL
        { "¿qué horario tenéis?", "Atendemos de lunes a viernes de 09:00 a 19:00 y los sábados de 09:00 a 13:00. Los domingos no atendemos." }, // ES
    };

    [Theory, MemberData(nameof(HoursQuestions))]
    public void Decide_OpeningHoursQuestion_AnswersFromTheHoursWithoutBooking(string text, string answer)
    {
        var d = Hear(Fresh, text, Facts());

        Assert.Equal(answer, d.Replies[1]);
        Assert.Equal(Replies.OfferBooking, d.Replies[^1]);
        Assert.Equal((ConversationMode.None, Expectation.None), (d.State.Mode, d.State.Expecting));
        Assert.Null(d.Effect);
    }

    [Fact]
    public void Decide_HolidayQuestion_NamesTheClosuresFromTheBlocks()
    {
        var holiday = new Block("b1", null, Utc(Tuesday.AddDays(1), 0, 0), Utc(Tuesday.AddDays(2), 0, 0), "Feriado");
        var facts = Facts(Snapshot(blocks: [holiday]));

        Assert.EndsWith("Ojo: no atendemos el miércoles 11/3 (Feriado).", Hear(Fresh, "¿abren el feriado?", facts).Replies[1]);
        Assert.Equal("El miércoles 11/3 no atendemos (Feriado). 🙏", Hear(Fresh, "¿atienden el miércoles?", facts).Replies[1]);
    }

    [Fact]
    public void Decide_HoursAskedWhileBooking_AnswersAndKeepsTheQuestion()
    {
        var facts = Facts();
        var d = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte" }, facts);

        d = Hear(d.State, "¿a qué hora abren el sábado?", facts);

        Assert.Equal("El sábado 14/3 atendemos de 09:00 a 13:00.", d.Replies[0]);
        Assert.Equal((Expectation.Date, "corte"), (d.State.Expecting, d.State.Draft.ServiceId));
    }
}
