using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.AnswerTheQuestionTests;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>A move naming both days (issue 11 §2): the source day picks the appointment, the target is where it goes.
/// "Now" is Monday 2026-03-09 08:00; the customer has a corte on Tuesday 10:00 and one on Thursday 11:00.</summary>
public class MoveBySourceDayTests
{
    private static readonly DateOnly Thursday = Monday.AddDays(3), Friday = Monday.AddDays(4);

    private static TurnFacts WithTwo() => Facts(upcoming:
        [Appointment("tue", "carlos", Utc(Tuesday, 10, 0)), Appointment("thu", "lucia", Utc(Thursday, 11, 0))]);

    public static TheoryData<string, string, int> Moves => new()
    {
        { "pasame el turno del jueves al viernes a las 5", "thu", 17 },               // AR
        { "¿me puede cambiar la cita del martes para el viernes a las 11?", "tue", 11 }, // MX
        { "¿puedo cambiar la hora del jueves para el viernes a las 10?", "thu", 10 },   // CL
        { "quería mover la cita del martes al viernes a las 12", "tue", 12 },           // ES
    };

    [Theory, MemberData(nameof(Moves))]
    public void Decide_MoveNamingBothDays_MovesTheSourceDaysAppointmentToTheTarget(string text, string appointment, int hour)
    {
        var facts = WithTwo();

        var d = Hear(Fresh, text, facts);

        Assert.Equal(appointment, d.State.Target?.AppointmentId);
        Assert.Equal(Utc(Friday, hour, 0), d.State.Pending?.StartUtc);
        Assert.StartsWith("Paso tu turno del", d.Replies[^2]);
        var yes = Hear(d.State, "sí", facts);
        Assert.Equal(appointment, Assert.IsType<TurnEffect.Reschedule>(yes.Effect).AppointmentId);
    }

    [Fact]
    public void Decide_MoveFromADayWithoutAppointments_SaysSoAndListsThem()
    {
        var d = Hear(Fresh, "cambio lo del miércoles para el viernes", WithTwo());

        Assert.Equal("No encontré un turno tuyo el miércoles 11/3.", d.Replies[1]);
        Assert.Equal((Expectation.WhichAppointment, 2), (d.State.Expecting, d.State.Appointments.Count));
    }

    [Fact]
    public void Decide_OnlyTheSourceDay_PicksItAndAsksWhereTo()
    {
        var d = Hear(Fresh, "quiero cambiar el turno del jueves", WithTwo());

        Assert.Equal(("thu", Expectation.Date), (d.State.Target?.AppointmentId, d.State.Expecting));
        Assert.EndsWith(Replies.AskNewDate, d.Replies[^1]);
    }

    [Fact]
    public void Decide_PickingAnAppointmentByItsDay_DoesNotMoveItToThatDay()
    {
        var facts = WithTwo();
        var d = Hear(Fresh, "quiero cambiar mi turno", facts);
        Assert.Equal(Expectation.WhichAppointment, d.State.Expecting);

        d = Hear(d.State, "el del jueves", facts);

        Assert.Equal(("thu", Expectation.Date, (DateOnly?)null), (d.State.Target?.AppointmentId, d.State.Expecting, d.State.Draft.Date));
    }
}
