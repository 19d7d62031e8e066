using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.AnswerTheQuestionTests;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Answers to a reminder about Juan's corte on Tuesday 10:00, sent five minutes before "now" (Monday 08:00), the
/// evening after he booked it: 1 confirms that appointment, 2 cancels it after the usual question, 3 moves it.</summary>
public class ReminderAnswerTests
{
    internal static readonly DateTimeOffset Sent = Now.AddMinutes(-5);
    internal static readonly Appointment Corte = Appointment("tue", "carlos", Utc(Tuesday, 10, 0));
    private const string Line = "Corte, mañana (martes 10/3) a las 10:00 con Carlos";

    /// <summary>The conversation as the booking left it, the evening before.</summary>
    internal static ConversationState Booked(Language language = Language.Es) =>
        Fresh with { Greeted = true, CustomerName = "Juan", Language = language, LastActivityUtc = Now.AddHours(-14) };

    internal static TurnFacts Reminded(Appointment? about = null) => Facts(name: "Juan", reminder: new Reminded(about ?? Corte, Sent));

    [Theory]
    [InlineData("1"), InlineData("sí"), InlineData("confirmo"), InlineData("Confirmar"), InlineData("perfecto, gracias!")]
    public void Decide_YesToTheReminder_ConfirmsThatAppointment(string text)
    {
        var facts = Reminded();

        var d = Hear(Booked(), text, facts);

        Assert.Equal(new TurnEffect.Confirm("tue"), d.Effect);
        Assert.Empty(d.Replies); // no greeting: the reminder introduced the bot
        var done = ConversationEngine.Complete(d, new EffectOutcome.Confirmed(Corte with { ConfirmedUtc = Now }), facts);
        Assert.Equal($"¡Gracias! Tu turno de {Line} quedó confirmado ✅ ¡Te esperamos!", done.Replies.Single());
        Assert.Equal((ConversationMode.None, Expectation.None), (done.State.Mode, done.State.Expecting));
        Assert.Equal(new LastReminder("tue", Sent), done.State.ReminderSeen);
    }

    [Theory]
    [InlineData("2"), InlineData("cancelar"), InlineData("cancelo"), InlineData("no")]
    public void Decide_TwoToTheReminder_AsksToCancelThatAppointment_ThenCancelsIt(string text)
    {
        var facts = Reminded();

        var d = Hear(Booked(), text, facts);

        Assert.Equal((ConversationMode.Cancelling, "tue", Expectation.Confirmation), (d.State.Mode, d.State.Target?.AppointmentId, d.State.Expecting));
        Assert.Equal($"Tu turno: {Line}. ¿Lo cancelo? Responde *sí* o *no*.", d.Replies.Single());
        Assert.Null(d.Effect);
        Assert.Equal(new TurnEffect.Cancel("tue"), Hear(d.State, "sí", facts).Effect);
        Assert.Equal("Perfecto, tu turno sigue en pie. 👍", Hear(d.State, "no", facts).Replies.Single());
    }

    [Theory]
    [InlineData("3"), InlineData("cambiar"), InlineData("reprogramar")]
    public void Decide_ThreeToTheReminder_AsksWhereToMoveThatAppointment_ThenMovesIt(string text)
    {
        var facts = Reminded();

        var d = Hear(Booked(), text, facts);

        Assert.Equal((ConversationMode.Rescheduling, "tue", Expectation.Date), (d.State.Mode, d.State.Target?.AppointmentId, d.State.Expecting));
        Assert.Equal($"Tu turno: {Line}. {Replies.AskNewDate}", d.Replies.Single());
        d = Hear(d.State, "el miércoles a las 11", facts);
        Assert.StartsWith("Paso tu turno del", d.Replies[^2]);
        var move = Assert.IsType<TurnEffect.Reschedule>(Hear(d.State, "sí", facts).Effect);
        Assert.Equal(("tue", Utc(Monday.AddDays(2), 11, 0)), (move.AppointmentId, move.StartUtc));
    }

    [Fact]
    public void Decide_ThreeWithADayAndTime_ProposesThatTimeAtOnce()
    {
        var d = Hear(Booked(), "3, el jueves a las 5", Reminded());

        Assert.Equal(("tue", Utc(Monday.AddDays(3), 17, 0)), (d.State.Target?.AppointmentId, d.State.Pending?.StartUtc));
        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
    }

    [Fact]
    public void Decide_AnswersInEnglish_ConfirmCancelAndChangeThatAppointment()
    {
        var facts = Reminded();

        var yes = Hear(Booked(Language.En), "yes", facts);
        var cancel = Hear(Booked(Language.En), "2", facts);
        var change = Hear(Booked(Language.En), "change", facts);

        Assert.Equal(new TurnEffect.Confirm("tue"), yes.Effect);
        var done = ConversationEngine.Complete(yes, new EffectOutcome.Confirmed(Corte), facts).Replies.Single();
        Assert.Matches(@"^Thanks! Your appointment for Corte, .+ is confirmed ✅ See you then!$", done);
        Assert.Equal((ConversationMode.Cancelling, "tue"), (cancel.State.Mode, cancel.State.Target?.AppointmentId));
        Assert.EndsWith("Shall I cancel it? Reply *yes* or *no*.", cancel.Replies.Single());
        Assert.Equal((ConversationMode.Rescheduling, "tue", Expectation.Date), (change.State.Mode, change.State.Target?.AppointmentId, change.State.Expecting));
        Assert.Equal(new TurnEffect.Confirm("tue"), Hear(Booked(Language.En), "confirm", facts).Effect);
    }

    [Theory]
    [InlineData("1"), InlineData("sí"), InlineData("2"), InlineData("3")]
    public void Decide_AnswerAfterTheAppointmentWasCancelledElsewhere_SaysItIsNoLongerActive(string text)
    {
        var d = Hear(Booked(), text, Reminded(Corte with { Status = AppointmentStatus.Cancelled }));

        Assert.Null(d.Effect);
        Assert.Equal("Ese turno ya no está activo (fue cancelado o cambiado).", d.Replies.Single());
        Assert.Equal((ConversationMode.None, Expectation.None), (d.State.Mode, d.State.Expecting)); // a "sí" books nothing
    }

    [Fact]
    public void Decide_AnswerOnceTheAppointmentHasGoneBy_SaysSo()
    {
        var d = Hear(Booked(), "1", Reminded(Appointment("early", "carlos", Now.AddMinutes(-30))));

        Assert.Null(d.Effect);
        Assert.Equal("Ese turno ya pasó.", d.Replies.Single());
    }
}
