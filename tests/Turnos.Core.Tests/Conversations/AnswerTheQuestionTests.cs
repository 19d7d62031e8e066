using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>The assistant answers the question asked (issue 11 §3). "Now" is Monday 2026-03-09 08:00 in Buenos Aires.</summary>
public class AnswerTheQuestionTests
{
    public static TheoryData<string> SlotQuestions =>
    [
        "¿Tenés lugar mañana a las 10 para corte?",      // AR
        "¿Tienen espacio para un corte mañana a las 10?", // MX
        "¿Hay hora para corte mañana a las 10?",          // CL
        "¿Tenéis hueco mañana a las 10 para un corte?",   // ES
    ];

    [Theory, MemberData(nameof(SlotQuestions))]
    public void Decide_IsThatSlotFree_AnswersWithTheProfessionalAndOffers_ThenAsksTheName(string text)
    {
        var facts = Facts();
        var d = Hear(Fresh, text, facts);

        Assert.Equal("¡Sí! Mañana a las 10:00 está libre con Carlos. 🙌 ¿Te lo reservo?", d.Replies[^1]);
        Assert.Equal((Expectation.Confirmation, true), (d.State.Expecting, d.State.PendingIsOffer));
        Assert.Null(d.Effect);

        var yes = Hear(d.State, "dale", facts);
        Assert.Equal((Expectation.Name, Replies.AskName), (yes.State.Expecting, yes.Replies[^1]));
        Assert.Equal(Utc(Tuesday, 10, 0), yes.State.Pending?.StartUtc);
    }

    [Fact]
    public void Decide_IsThatSlotFree_AKnownCustomersYesBooks()
    {
        var facts = Facts(name: "Juan Pérez", email: "juan@example.com");
        var d = Hear(Fresh, "¿Tenés lugar mañana a las 10 para corte?", facts);

        var yes = Hear(d.State, "sí", facts);

        Assert.Equal(new TurnEffect.Book("corte", "carlos", Utc(Tuesday, 10, 0), "Juan Pérez", "juan@example.com"), yes.Effect);
    }

    [Theory]
    [InlineData("¿Hay lugar mañana a las 10?", "¡Sí! Mañana a las 10:00 hay lugar. 🙌")]
    [InlineData("¿tienen algo el martes a las 10?", "¡Sí! Mañana a las 10:00 hay lugar. 🙌")]
    [InlineData("¿hay hora el domingo a las 10?", "El domingo 15/3 a las 10:00 no me queda lugar.")]
    [InlineData("¿tenéis hueco mañana a las 23?", "Mañana a las 23:00 no me queda lugar.")]
    public void Decide_IsThereRoomWithoutAService_AnswersThenAsksWhichService(string text, string answer)
    {
        var facts = Facts();
        var d = Hear(Fresh, text, facts);

        Assert.StartsWith(answer, d.Replies[^2]);
        Assert.Equal((Expectation.Service, Replies.AskService(facts.Business)), (d.State.Expecting, d.Replies[^1]));
        Assert.NotNull(d.State.Draft.Time);
    }

    [Fact]
    public void Decide_WhichTimesInAWindow_ListsThemWithoutAskingTheName()
    {
        var busy = new[] { Busy("carlos", Utc(Tuesday, 14, 0), 30, "x"), Busy("lucia", Utc(Tuesday, 14, 0), 30, "y") };
        var facts = Facts() with { Busy = busy };

        var d = Hear(Fresh, "¿tenés algo mañana a la tarde para corte?", facts);

        Assert.StartsWith("Para mañana (martes 10/3) tengo libre: 13:00, 13:30, 14:30,", d.Replies[^1]);
        Assert.EndsWith("18:30 (con Carlos). ¿Qué horario prefieres?", d.Replies[^1]);
        Assert.Equal(Expectation.Choice, d.State.Expecting);
    }

    public static TheoryData<string, string?, string?> ProfileOnly => new()
    {
        { "Soy Martina López, martina@gmail.com", "Martina López", "martina@gmail.com" }, // AR
        { "mi correo es carlos.p@hotmail.com", null, "carlos.p@hotmail.com" },            // MX
        { "habla Camila Rojas", "Camila Rojas", null },                                   // CL
        { "Hola, me llamo Lucía Pardo", "Lucía Pardo", null },                            // ES
    };

    [Theory, MemberData(nameof(ProfileOnly))]
    public void Decide_FirstMessageOnlyNameOrEmail_RemembersAndAsksWhatToBook(string text, string? name, string? email)
    {
        var facts = Facts();
        var d = Hear(Fresh, text, facts);

        Assert.Equal((name, email), (d.State.CustomerName, d.State.CustomerEmail));
        Assert.StartsWith("¡Gracias", d.Replies[^2]);
        Assert.Equal((Expectation.Service, Replies.AskService(facts.Business)), (d.State.Expecting, d.Replies[^1]));
    }

    [Theory]
    [InlineData("gracias, nos vemos"), InlineData("muchas gracias, que esté bien"), InlineData("gracias, nos vemos el martes"), InlineData("vale, gracias, hasta el martes")]
    public void Decide_GoodbyeAfterBooking_IsAFarewellNotANewRequest(string text)
    {
        var facts = Facts(name: "Juan Pérez", email: "juan@example.com");
        var d = Hear(AtTheSlot(facts).State, "sí", facts);
        var booked = ConversationEngine.Complete(d, new EffectOutcome.Booked(Appointment("a1", "carlos", Utc(Tuesday, 10, 0))), facts);

        var bye = Hear(booked.State, text, facts);

        Assert.Equal("¡Gracias por escribirnos! Cuando quieras, aquí estoy. 😊", bye.Replies.Single());
        Assert.Equal((ConversationMode.None, Expectation.None, (DateOnly?)null), (bye.State.Mode, bye.State.Expecting, bye.State.Draft.Date));
    }

    [Theory]
    [InlineData("dale, listo"), InlineData("sale, está bien"), InlineData("ya po, listo"), InlineData("vale, perfecto")]
    public void Decide_SeveralWordYesWhileConfirming_Books(string text)
    {
        var facts = Facts(name: "Juan Pérez", email: "juan@example.com");

        var d = Hear(AtTheSlot(facts).State, text, facts);

        Assert.Equal(new TurnEffect.Book("corte", "carlos", Utc(Tuesday, 10, 0), "Juan Pérez", "juan@example.com"), d.Effect);
    }

    [Fact]
    public void Decide_SlotOnADaylightSavingDay_IsTheRightInstant()
    {
        // Madrid moves to summer time on Sunday 2027-03-28 at 02:00: 10:00 that day is 08:00 UTC, not 09:00.
        var madrid = Snapshot(zoneId: "Europe/Madrid", hours: EveryDay(9 * 60, 19 * 60));
        var saturday = new DateOnly(2027, 3, 27);
        var facts = Facts(madrid, now: new DateTimeOffset(2027, 3, 27, 9, 0, 0, TimeSpan.Zero), from: saturday);

        var d = Hear(Fresh, "¿Tenéis hueco mañana a las 10 para un corte?", facts);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.Zero), d.State.Pending?.StartUtc);
        Assert.Equal("Mañana atendemos de 09:00 a 19:00.", Hear(Fresh, "¿abrís mañana?", facts).Replies[1]);
    }

    internal static Appointment Appointment(string id, string professional, DateTimeOffset start) =>
        new(id, "CODE23", "demo", "corte", professional, new CustomerInfo("Juan", "+5491155550000", null), start, start.AddMinutes(30),
            0, 0, DateOnly.FromDateTime(start.AddHours(-3).DateTime), AppointmentStatus.Booked, AppointmentSource.WhatsApp, null, null, start, start);
}
