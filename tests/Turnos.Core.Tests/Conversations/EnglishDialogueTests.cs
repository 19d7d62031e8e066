using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Dialogues in English through the rules and the engine, as the app runs them. "Now" is Monday 2026-03-09
/// 08:00 in Buenos Aires; the demo salon's services have Spanish names and no aliases (English words find them).</summary>
public class EnglishDialogueTests
{
    private static readonly string[] SpanishMarks = ["¿", "¡", "turno", "Hola", "Listo", "reservar", "Responde"];

    private static void AllEnglish(TurnDecision d)
    {
        foreach (var reply in d.Replies)
            Assert.DoesNotContain(SpanishMarks, m => reply.Contains(m, StringComparison.Ordinal));
    }

    [Fact]
    public void ABookingInEnglish_FromFirstMessageToTheBookingCode()
    {
        var facts = Facts();
        var d = Hear(Fresh, "Hi! can I book a haircut tomorrow at 3pm?", facts);
        Assert.Equal(Language.En, d.State.Language);
        Assert.Equal("Hi! 👋 I'm Turnos, the assistant of *Peluquería Demo*.", d.Replies[0]);
        Assert.Equal((Expectation.Name, "What name should I book it under?"), (d.State.Expecting, d.Replies[^1]));
        AllEnglish(d);

        d = Hear(d.State, "John Smith", facts);
        Assert.Equal((Expectation.Email, "John Smith"), (d.State.Expecting, d.State.CustomerName));
        Assert.StartsWith("Could you give me your email?", d.Replies.Single());

        d = Hear(d.State, "john.smith@example.com", facts);
        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
        Assert.Equal("I'll book you:\n*Corte*\n📅 Tuesday, March 10 at 3:00 PM\n💇 with Carlos\n💲 $8,000", d.Replies[0]);
        Assert.Equal("Shall I confirm? Reply *yes* or *no*.", d.Replies[1]);

        d = Hear(d.State, "yes please", facts);
        var book = Assert.IsType<TurnEffect.Book>(d.Effect);
        Assert.Equal(("corte", Utc(Tuesday, 15, 0), "John Smith", "john.smith@example.com"), (book.ServiceId, book.StartUtc, book.Name, book.Email));

        var appointment = AnswerTheQuestionTests.Appointment("a1", book.ProfessionalId, book.StartUtc) with { Code = "XYZ789" };
        var done = ConversationEngine.Complete(d, new EffectOutcome.Booked(appointment), facts);
        Assert.StartsWith("All set! Your appointment is booked ✅\n", done.Replies[^1]);
        Assert.Contains("🔖 Code: *XYZ789*", done.Replies[^1]);
        AllEnglish(done);
        Assert.Equal(Language.En, done.State.Language);
    }

    [Fact]
    public void OverSeveralTurns_TheQuestionsAndTheFreeTimesAreInEnglish()
    {
        var facts = Facts(name: "Ana Gómez", email: "ana@example.com");
        var d = Hear(Fresh, "hello, I'd like to book an appointment", facts);
        Assert.StartsWith("Which service would you like to book? We have:\n• *Corte* — $8,000 (30 min)", d.Replies[^1]);

        d = Hear(d.State, "a beard trim", facts);
        Assert.Equal("What day would you like? You can say, for example, *tomorrow* or *on Friday*.", d.Replies.Single());

        d = Hear(d.State, "tomorrow afternoon", facts);
        Assert.StartsWith("Tomorrow I have 1:00 PM, ", d.Replies.Single());
        Assert.EndsWith("What time would you prefer?", d.Replies.Single());

        d = Hear(d.State, "half past 4", facts);
        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
        Assert.Contains("📅 Tuesday, March 10 at 4:30 PM", d.Replies[0]);
        AllEnglish(d);

        d = Hear(d.State, "nope", facts);
        Assert.Equal("No problem. 👍 Would you like another day or time?", d.Replies.Single());
    }

    [Fact]
    public void SwitchingLanguage_MidConversation_TheRepliesFollow()
    {
        var facts = Facts(name: "Ana Gómez", email: "ana@example.com");
        var d = Hear(Fresh, "Hi, I want a haircut", facts);
        Assert.Equal(Language.En, d.State.Language);
        Assert.StartsWith("What day would you like?", d.Replies[^1]);

        // A word or two that Spanish speakers use too does not switch.
        d = Hear(d.State, "ok", facts);
        Assert.Equal(Language.En, d.State.Language);

        d = Hear(d.State, "perdón, mejor en español: quiero el turno para mañana a las 10", facts);
        Assert.Equal(Language.Es, d.State.Language);
        Assert.Equal("¿Confirmo? Responde *sí* o *no*.", d.Replies[^1]);
        Assert.Contains("📅 martes 10 de marzo", d.Replies[0]);

        d = Hear(d.State, "actually, can we do it at 11 instead? I prefer the morning", facts);
        Assert.Equal(Language.En, d.State.Language);
        Assert.Contains("📅 Tuesday, March 10 at 11:00 AM", d.Replies[0]);
        Assert.Equal("Shall I confirm? Reply *yes* or *no*.", d.Replies[^1]);

        d = Hear(d.State, "sí", facts);
        Assert.IsType<TurnEffect.Book>(d.Effect);
        Assert.Equal(Language.En, d.State.Language);
    }

    [Fact]
    public void TheEnglishPersona_GreetsAndSaysGoodbye_TheSpanishOneStaysForSpanish()
    {
        var snapshot = Snapshot();
        var business = snapshot.Business with
        {
            Persona = new Persona("Luna", Greeting: "¡Hola! Soy {bot} de {negocio}.", Farewell: "¡Chau!")
            {
                En = new PersonaTexts(Greeting: "Hello! I'm {bot} from {business}.", Farewell: "Bye from {business}!"),
            },
        };
        var facts = Facts(new BusinessSnapshot(business, snapshot.Services, snapshot.Professionals, snapshot.Blocks));

        var d = Hear(Fresh, "hello, how much is a manicure?", facts);
        Assert.Equal("Hello! I'm Luna from Peluquería Demo.", d.Replies[0]);
        Assert.Equal("*Manicura* costs $9,000 and takes 45 min.", d.Replies[1]);
        Assert.Equal("Bye from Peluquería Demo!", Hear(d.State, "thanks, bye!", facts).Replies.Single());

        Assert.Equal("¡Hola! Soy Luna de Peluquería Demo.", Hear(Fresh, "hola, cuánto sale la manicura?", facts).Replies[0]);
    }

    [Fact]
    public void ABusinessThatOnlySpeaksSpanish_AnswersEnglishInSpanish()
    {
        var snapshot = Snapshot();
        var business = snapshot.Business with { Languages = [Language.Es] };
        var facts = Facts(new BusinessSnapshot(business, snapshot.Services, snapshot.Professionals, snapshot.Blocks));

        var d = Hear(Fresh, "Hi! can I book a haircut tomorrow at 3pm?", facts);

        Assert.Equal(Language.Es, d.State.Language);
        Assert.StartsWith("¡Hola!", d.Replies[0]);
    }

    [Fact]
    public void HoursAndClosedDays_InEnglish()
    {
        var facts = Facts();
        Assert.Equal("On Saturday, March 14 we're open from 9:00 AM to 1:00 PM.",
            Hear(Fresh with { Greeted = true }, "what time do you close on Saturday?", facts).Replies[0]);
        Assert.StartsWith("We're open Monday to Friday from 9:00 AM to 7:00 PM and on Saturdays from 9:00 AM to 1:00 PM. We're closed on Sundays.",
            Hear(Fresh with { Greeted = true }, "what are your opening hours?", facts).Replies[0]);
        var sunday = Hear(Fresh with { Greeted = true }, "can I get a haircut on Sunday at 10?", facts);
        Assert.StartsWith("We're closed on Sundays. I can offer you:\n1) ", sunday.Replies[0]);
        Assert.EndsWith("Does any of these work? Reply with the number.", sunday.Replies[0]);
    }
}

/// <summary>Every text the assistant can say exists in English: each fixed text differs from the Spanish one.</summary>
public class EnglishRepliesCoverageTests
{
    [Fact]
    public void EveryFixedText_HasAnEnglishVersion()
    {
        var properties = typeof(ReplyTexts).GetProperties().Where(p => p.PropertyType == typeof(string)).ToList();
        Assert.True(properties.Count > 20);
        foreach (var p in properties)
            Assert.NotEqual(p.GetValue(SpanishReplyTexts.Instance), p.GetValue(EnglishReplyTexts.Instance));
    }

    [Fact]
    public void DatesTimesAndMoney_ReadTheEnglishWay()
    {
        Assert.Equal("Tuesday, December 8", EnglishFormat.Day(new DateOnly(2026, 12, 8)));
        Assert.Equal(("4:00 PM", "12:30 PM", "12:00 AM", "9:05 AM"),
            (EnglishFormat.Time(new(16, 0)), EnglishFormat.Time(new(12, 30)), EnglishFormat.Time(new(0, 0)), EnglishFormat.Time(new(9, 5))));
        Assert.Equal(("$5,000", "$5.000"), (EnglishFormat.Price(5000, "ARS"), SpanishFormat.Price(5000, "ARS")));
        Assert.Equal("1,250.50 EUR", EnglishFormat.Price(1250.5m, "EUR"));
        Assert.Equal("Corte, Barba and Peinado", EnglishFormat.List(["Corte", "Barba", "Peinado"]));
    }
}

/// <summary>An English-speaking salon in New York: dates month first, the day clocks go back (2026-11-01, 02:00 EDT →
/// 01:00 EST) booked at the right instant.</summary>
public class EnglishInAUsZoneTests
{
    [Fact]
    public void MonthFirstDate_OnTheDayClocksGoBack_BooksTheRightInstant()
    {
        var business = Snapshot(zoneId: "America/New_York", hours: EveryDay(9 * 60, 19 * 60));
        var now = new DateTimeOffset(2026, 10, 31, 14, 0, 0, TimeSpan.Zero); // Saturday 10:00 EDT
        var facts = Facts(business, name: "Mary Jones", email: "mary@example.com", now: now, from: new DateOnly(2026, 10, 31));

        var d = Hear(Fresh, "hi, can I book a haircut on 11/1 at 10am?", facts);
        Assert.Contains("📅 Sunday, November 1 at 10:00 AM", d.Replies[^2]);

        d = Hear(d.State, "yep", facts);
        var book = Assert.IsType<TurnEffect.Book>(d.Effect);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 15, 0, 0, TimeSpan.Zero), book.StartUtc); // 10:00 EST
    }

    [Fact]
    public void TheSameNumbers_AreDayFirst_OutsideTheUs()
    {
        var london = Snapshot(zoneId: "Europe/London", hours: EveryDay(9 * 60, 19 * 60));
        var u = RulesUnderstanding.Understand(new UnderstandingContext("can I book a haircut on 11/1 at 10am?", new DateTime(2026, 10, 31, 10, 0, 0), london));
        Assert.Equal(new DateOnly(2027, 1, 11), u.Date);
    }
}
