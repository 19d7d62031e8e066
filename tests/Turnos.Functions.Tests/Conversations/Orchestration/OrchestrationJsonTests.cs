using System.Text.Json;
using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Businesses;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Conversations.Orchestration;

/// <summary>What an orchestration writes to its history must read back as the same values, so a replayed decision
/// is the decision that was made.</summary>
public sealed class OrchestrationJsonTests
{
    private static readonly BusinessSnapshot Snapshot = SeedLoader.Parse(File.ReadAllText(RepoPaths.DemoSeed), "demo.json")[0].Snapshot;

    private static T RoundTrip<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, OrchestrationJson.Options), OrchestrationJson.Options)!;

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, OrchestrationJson.Options);

    [Fact]
    public void Dialogue_EveryTurnFromRoundTrippedInputs_DecidesTheSame()
    {
        var now = TurnosFactory.DefaultNow;
        var zone = Snapshot.Business.TimeZone;
        var state = ConversationState.New(Demo.Id, "+5491155550000");
        var busy = new List<BusyInterval> { new(Snapshot.Professionals[0].Id, Demo.Tuesday10, Demo.Tuesday10.AddMinutes(30), "a1") };
        string[] messages = ["hola", "quiero un corte el martes a las 10", "con cualquiera", "la 1", "Ana Gómez", "ana@example.com", "sí"];
        var effects = 0;
        foreach (var text in messages)
        {
            now = now.AddMinutes(1);
            var understood = RulesUnderstanding.Understand(new UnderstandingContext(text, LocalTime.ToLocal(now, zone), Snapshot, state.Expecting));
            var facts = new TurnFacts(Snapshot, busy, LocalTime.Today(now, zone), LocalTime.Today(now, zone).AddDays(7), now, "Ana", null, []);

            var decided = ConversationEngine.Decide(state, understood, facts, ConversationEngine.DefaultIdleTimeout);
            var replayed = ConversationEngine.Decide(RoundTrip(state), RoundTrip(understood), RoundTrip(facts), ConversationEngine.DefaultIdleTimeout);

            Assert.Equal(Json(decided), Json(replayed));
            Assert.Equal(Json(decided), Json(RoundTrip(decided)));
            if (decided.Effect is TurnEffect.Book book)
            {
                effects++;
                var outcome = new EffectOutcome.Booked(Booked(book));
                Assert.Equal(Json(ConversationEngine.Complete(decided, outcome, facts)),
                    Json(ConversationEngine.Complete(RoundTrip(decided), RoundTrip<EffectOutcome>(outcome), RoundTrip(facts))));
            }
            state = decided.State;
        }
        Assert.Equal(1, effects);
    }

    [Fact]
    public void Facts_TimeZoneAndOtherDerivedProperties_AreNotWrittenButReadBack()
    {
        var facts = new TurnFacts(Snapshot, [], new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30), TurnosFactory.DefaultNow);

        var json = Json(facts);
        var back = RoundTrip(facts);

        Assert.DoesNotContain("\"zone\"", json);
        Assert.DoesNotContain("\"timeZone\"", json);
        Assert.Equal(facts.Zone.Id, back.Zone.Id);
        Assert.Equal(Snapshot.Services.Select(s => s.Id), back.Business.Services.Select(s => s.Id));
        Assert.Equal(Json(facts), Json(back));
    }

    [Fact]
    public void Facts_WithTheRemindedAppointment_ReadBackTheSameReminder()
    {
        var appointment = Booked(new TurnEffect.Book("corte", "ana", Demo.Tuesday10, "Ana Gómez", null));
        var facts = new TurnFacts(Snapshot, [], new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30), TurnosFactory.DefaultNow,
            Reminder: new Reminded(appointment, TurnosFactory.DefaultNow.AddMinutes(-5)));

        var back = RoundTrip(facts);

        Assert.DoesNotContain("\"ref\"", Json(facts));
        Assert.Equal(facts.Reminder!.Ref, back.Reminder?.Ref);
        Assert.Equal(Json(facts), Json(back));
    }

    public static TheoryData<TurnEffect> Effects => new()
    {
        new TurnEffect.Book("corte", "ana", Demo.Tuesday10, "Ana Gómez", null),
        new TurnEffect.Cancel("a1"),
        new TurnEffect.Confirm("a1"),
        new TurnEffect.Reschedule("a1", "ana", Demo.Tuesday10),
        new TurnEffect.FlagForHuman(),
    };

    [Theory, MemberData(nameof(Effects))]
    public void Effect_EveryCase_RoundTripsWithItsKind(TurnEffect effect)
    {
        var back = RoundTrip(effect);

        Assert.Equal(effect, back);
        Assert.Contains($"\"{OrchestrationJson.KindProperty}\":\"{effect.GetType().Name}\"", Json(effect));
    }

    [Fact]
    public void Outcome_EveryCase_RoundTripsWithItsKind()
    {
        var appointment = Booked(new TurnEffect.Book("corte", "ana", Demo.Tuesday10, "Ana Gómez", "ana@example.com"));
        EffectOutcome[] outcomes =
        [
            new EffectOutcome.Booked(appointment), new EffectOutcome.Cancelled(appointment), new EffectOutcome.Rescheduled(appointment),
            new EffectOutcome.Confirmed(appointment with { ConfirmedUtc = TurnosFactory.DefaultNow }),
            new EffectOutcome.SlotLost(UnavailableReason.Booked), new EffectOutcome.SlotLost(null), new EffectOutcome.NotActive(), new EffectOutcome.Done(),
        ];

        Assert.All(outcomes, o => Assert.Equal(Json(o), Json(RoundTrip(o))));
        Assert.Equal(outcomes.Select(o => o.GetType()), outcomes.Select(o => RoundTrip(o).GetType()));
    }

    private static Appointment Booked(TurnEffect.Book book) => new(
        "a2", "ABC123", Demo.Id, book.ServiceId, book.ProfessionalId, new CustomerInfo(book.Name, "+5491155550000", book.Email),
        book.StartUtc, book.StartUtc.AddMinutes(30), 0, 10, DateOnly.FromDateTime(book.StartUtc.UtcDateTime), AppointmentStatus.Booked,
        AppointmentSource.WhatsApp, "whatsapp:SM1", null, TurnosFactory.DefaultNow, TurnosFactory.DefaultNow);
}
