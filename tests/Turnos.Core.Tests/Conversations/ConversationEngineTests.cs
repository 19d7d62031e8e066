using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Dialogues through the pure engine. "Now" is Monday 2026-03-09 08:00 in Buenos Aires.</summary>
public class ConversationEngineTests
{
    private static readonly TimeSpan Idle = ConversationEngine.DefaultIdleTimeout;
    private static readonly TimeOnly Ten = new(10, 0);

    internal static TurnFacts Facts(IReadOnlyList<BusyInterval>? busy = null, string? name = null, string? email = null,
        IReadOnlyList<Appointment>? upcoming = null, DateTimeOffset? now = null) =>
        new(Snapshot(), busy ?? [], Monday, Monday.AddDays(8), now ?? Now, name, email, upcoming);

    private static ConversationState Fresh => ConversationState.New("demo", "+5491155550000");

    private static TurnDecision Say(ConversationState state, Understanding u, TurnFacts? facts = null) =>
        ConversationEngine.Decide(state, u, facts ?? Facts(), Idle);

    [Fact]
    public void Decide_Hello_GreetsWithThePersonaAndTheMenu()
    {
        var d = Say(Fresh, new Understanding { Intent = Intent.Greet });

        Assert.Equal(["¡Hola! 👋 Soy Turnos, el asistente de *Peluquería Demo*.", Replies.Menu], d.Replies);
        Assert.True(d.State.Greeted);
        Assert.Null(d.Effect);
    }

    [Fact]
    public void Decide_EverythingInOneMessage_SummarisesAndAsksToConfirm_ThenBooks()
    {
        var u = new Understanding { Intent = Intent.Book, ServiceId = "corte", Date = Tuesday, Time = Ten, Name = "Juan Pérez", Email = "juan@example.com" };

        var d = Say(Fresh, u);

        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
        Assert.Contains("*Corte*", d.Replies[^2]);
        Assert.Contains("martes 10 de marzo", d.Replies[^2]);
        Assert.Contains("🕒 10:00", d.Replies[^2]);
        Assert.Contains("con Carlos", d.Replies[^2]);
        Assert.Contains("$8.000", d.Replies[^2]);

        var yes = Say(d.State, new Understanding { Intent = Intent.ConfirmYes });
        var book = Assert.IsType<TurnEffect.Book>(yes.Effect);
        Assert.Equal(("corte", "carlos", Utc(Tuesday, 10, 0), "Juan Pérez", "juan@example.com"),
            (book.ServiceId, book.ProfessionalId, book.StartUtc, book.Name, book.Email));

        var appointment = Appointment("a1", "carlos", Utc(Tuesday, 10, 0)) with { Code = "ABC234" };
        var done = ConversationEngine.Complete(yes, new EffectOutcome.Booked(appointment), Facts());
        Assert.Contains("*ABC234*", done.Replies[^1]);
        Assert.Equal(ConversationMode.None, done.State.Mode);
        Assert.Equal(("Juan Pérez", "juan@example.com"), (done.State.CustomerName, done.State.CustomerEmail));
    }

    [Fact]
    public void Decide_OverSeveralTurns_AsksOneMissingThingAtATime()
    {
        var s = Say(Fresh, new Understanding { Intent = Intent.Book });
        Assert.Equal(Expectation.Service, s.State.Expecting);

        s = Say(s.State, new Understanding { ServiceId = "corte" });
        Assert.Equal((Expectation.Date, Replies.AskDate), (s.State.Expecting, s.Replies.Single()));

        s = Say(s.State, new Understanding { Date = Tuesday });
        Assert.Equal(Expectation.Choice, s.State.Expecting);
        Assert.StartsWith("Para mañana (martes 10/3) tengo libre: 09:00, ", s.Replies.Single());
        Assert.Equal(12, s.State.Offered.Count);

        s = Say(s.State, new Understanding { Time = new TimeOnly(9, 0) });
        Assert.Equal((Expectation.Name, Replies.AskName), (s.State.Expecting, s.Replies.Single()));

        s = Say(s.State, new Understanding { NameProblem = NameProblem.HasDigits });
        Assert.Equal(Expectation.Name, s.State.Expecting);
        Assert.Contains("no puede tener números", s.Replies.Single());

        s = Say(s.State, new Understanding { Name = "Ana Gómez" });
        Assert.Equal((Expectation.Email, Replies.AskEmail), (s.State.Expecting, s.Replies.Single()));

        s = Say(s.State, new Understanding { EmailProblem = EmailProblem.LooksLikePhone });
        Assert.Contains("parece un número de teléfono", s.Replies.Single());

        s = Say(s.State, new Understanding { Email = "ana@example.com" });
        Assert.Equal(Expectation.Confirmation, s.State.Expecting);
        Assert.Equal(new OfferedSlot("carlos", Utc(Tuesday, 9, 0)), s.State.Pending);
    }

    [Fact]
    public void Decide_BusyTime_OffersTheThreeNearestThatDay_AndAPickProposesIt()
    {
        var busy = new[] { Busy("carlos", Utc(Tuesday, 10, 0), 30, "x"), Busy("lucia", Utc(Tuesday, 10, 0), 30, "y") };
        var facts = Facts(busy, "Juan", "juan@example.com");

        var d = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte", Date = Tuesday, Time = Ten }, facts);

        Assert.Equal(Expectation.Choice, d.State.Expecting);
        Assert.Equal([Utc(Tuesday, 9, 0), Utc(Tuesday, 9, 30), Utc(Tuesday, 10, 30)], d.State.Offered.Select(o => o.StartUtc));
        Assert.Contains("A esa hora ya está ocupado", d.Replies[^1]);

        var pick = Say(d.State, new Understanding { Choice = 3 }, facts);
        Assert.Equal(Utc(Tuesday, 10, 30), pick.State.Pending?.StartUtc);
        Assert.Equal(Expectation.Confirmation, pick.State.Expecting);
        Assert.Equal(Utc(Tuesday, 10, 30), Say(d.State, new Understanding { Choice = -1 }, facts).State.Pending?.StartUtc);
        Assert.Equal(Utc(Tuesday, 9, 30), Say(d.State, new Understanding { Time = new TimeOnly(9, 30) }, facts).State.Pending?.StartUtc);
    }

    [Fact]
    public void Decide_ClosedDay_SaysSoAndOffersTheNextOpenDay()
    {
        var d = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte", Date = Sunday, Time = Ten });

        Assert.Contains("Los domingos no atendemos.", d.Replies[^1]);
        Assert.All(d.State.Offered, o => Assert.Equal(Monday.AddDays(7), ConversationEngine.Local(o.StartUtc, Snapshot().Business.TimeZone).Date));
    }

    [Fact]
    public void Decide_PastDate_SaysSoAndOffersTheNearestFreeTimes()
    {
        var d = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte", Date = Monday.AddDays(-2) });

        Assert.Equal(Expectation.Choice, d.State.Expecting);
        Assert.StartsWith("Esa fecha ya pasó. Te puedo ofrecer:", d.Replies[^1]);
        Assert.All(d.State.Offered, o => Assert.True(o.StartUtc >= Now.AddHours(1)));
        Assert.Null(d.State.Draft.Date);
    }

    [Fact]
    public void Decide_TooSoon_ExplainsTheNotice()
    {
        var d = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte", Date = Monday, Time = new TimeOnly(8, 30) });

        Assert.Contains("al menos 1 h de anticipación", d.Replies[^1]);
    }

    [Fact]
    public void Decide_ReturningCustomer_IsGreetedByNameAndNotAskedAgain()
    {
        var facts = Facts(name: "Juan Pérez", email: "juan@example.com");

        var d = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "barba", Date = Tuesday, Time = Ten }, facts);

        Assert.StartsWith("¡Hola de nuevo, Juan!", d.Replies[0]);
        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
    }

    [Fact]
    public void Decide_CancelWithTwoUpcoming_AsksWhichThenConfirms()
    {
        var upcoming = new[] { Appointment("a1", "carlos", Utc(Tuesday, 10, 0)), Appointment("a2", "lucia", Utc(Tuesday.AddDays(1), 11, 0)) };
        var facts = Facts(upcoming: upcoming);

        var d = Say(Fresh, new Understanding { Intent = Intent.Cancel }, facts);
        Assert.Equal(Expectation.WhichAppointment, d.State.Expecting);

        d = Say(d.State, new Understanding { Choice = 2 }, facts);
        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
        Assert.Contains("con Lucía", d.Replies.Single());

        d = Say(d.State, new Understanding { Intent = Intent.ConfirmYes }, facts);
        Assert.Equal(new TurnEffect.Cancel("a2"), d.Effect);
        var done = ConversationEngine.Complete(d, new EffectOutcome.Cancelled(upcoming[1]), facts);
        Assert.StartsWith("Listo, cancelé tu turno", done.Replies[^1]);
    }

    [Fact]
    public void Decide_RescheduleTheOnlyAppointment_ProposesTheNewTimeAndMovesIt()
    {
        var facts = Facts(upcoming: [Appointment("a1", "carlos", Utc(Tuesday, 10, 0))]);

        var d = Say(Fresh, new Understanding { Intent = Intent.Reschedule }, facts);
        Assert.Equal(Expectation.Date, d.State.Expecting);

        d = Say(d.State, new Understanding { Date = Tuesday.AddDays(1), Time = new TimeOnly(15, 0) }, facts);
        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
        Assert.StartsWith("Paso tu turno del", d.Replies[0]);

        d = Say(d.State, new Understanding { Intent = Intent.ConfirmYes }, facts);
        Assert.Equal(new TurnEffect.Reschedule("a1", "carlos", Utc(Tuesday.AddDays(1), 15, 0)), d.Effect);
    }

    [Fact]
    public void Decide_NoUpcomingToCancel_SaysSo() =>
        Assert.Contains("No encontré turnos próximos", Say(Fresh, new Understanding { Intent = Intent.Cancel }).Replies[^1]);

    [Fact]
    public void Decide_AskForAHuman_FlagsTheConversation()
    {
        var d = Say(Fresh, new Understanding { Intent = Intent.Human });

        Assert.IsType<TurnEffect.FlagForHuman>(d.Effect);
        Assert.True(d.State.HandoffRequested);
    }

    [Fact]
    public void Complete_SlotLost_OffersAlternativesWithoutTheLostSlot()
    {
        var facts = Facts(name: "Juan", email: "juan@example.com");
        var d = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte", Date = Tuesday, Time = Ten }, facts);
        d = Say(d.State, new Understanding { Intent = Intent.ConfirmYes }, facts);

        var lost = ConversationEngine.Complete(d, new EffectOutcome.SlotLost(UnavailableReason.Booked), facts);

        Assert.StartsWith("Uy, ese horario se acaba de ocupar.", lost.Replies[^1]);
        Assert.DoesNotContain(lost.State.Offered, o => o.StartUtc == Utc(Tuesday, 10, 0));
        Assert.Equal(3, lost.State.Offered.Count);
    }

    [Fact]
    public void Decide_AfterTheIdleTimeout_StartsOverButKeepsTheProfile()
    {
        var halfway = Say(Fresh, new Understanding { Intent = Intent.Book, ServiceId = "corte", Name = "Ana Gómez" }).State;

        var later = Say(halfway, new Understanding { Intent = Intent.Greet }, Facts(now: Now.AddHours(25)));

        Assert.Equal((ConversationMode.None, "Ana Gómez"), (later.State.Mode, later.State.CustomerName));
        Assert.StartsWith("¡Hola de nuevo, Ana!", later.Replies[0]);
    }

    [Fact]
    public void Decide_PriceOfAService_TellsItAndOffersToBook()
    {
        var d = Say(Fresh, new Understanding { Intent = Intent.Price, ServiceId = "coloracion" });

        Assert.Contains("*Coloración* cuesta $25.000 y dura 1 h 30 min.", d.Replies);
        Assert.Equal((Expectation.Date, "coloracion"), (d.State.Expecting, d.State.Draft.ServiceId));
    }

    [Fact]
    public void Decide_SameInputs_SameDecision()
    {
        var u = new Understanding { Intent = Intent.Book, ServiceId = "corte", Date = Tuesday };

        var a = Say(Fresh, u);
        var b = Say(Fresh, u);

        Assert.Equal(a.Replies, b.Replies);
        Assert.Equal(a.State.Offered, b.State.Offered);
        Assert.Equal(a.State with { Offered = [] }, b.State with { Offered = [] });
    }

    private static Appointment Appointment(string id, string professional, DateTimeOffset start) =>
        new(id, "CODE23", "demo", "corte", professional, new CustomerInfo("Juan", "+5491155550000", null), start, start.AddMinutes(30),
            0, 0, DateOnly.FromDateTime(start.AddHours(-3).DateTime), AppointmentStatus.Booked, AppointmentSource.WhatsApp, null, null, start, start);
}
