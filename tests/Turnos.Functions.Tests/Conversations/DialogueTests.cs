using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Functions.Booking;
using Turnos.Functions.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;

namespace Turnos.Functions.Tests.Conversations;

/// <summary>Whole dialogues through POST /api/whatsapp. "Now" is Monday 2026-11-23 12:00 in Buenos Aires;
/// "el martes" is the 24th.</summary>
[Collection("Azurite")]
public sealed class DialogueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ChatApp _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatApp.StartAsync(azurite);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private Task<List<Appointment>> StoredAsync() =>
        _chat.Get<AppointmentStore>().ListAsync(Demo.Id, Demo.At(2026, 11, 23, 0), Demo.At(2026, 12, 1, 0), default);

    [Fact]
    public async Task BookInOneMessage_ThenConfirm_BooksAndGivesTheCode()
    {
        var first = await _chat.SayAsync("Hola! quiero un corte de pelo el martes a las 10, soy Juan Pérez, juan@example.com");

        Assert.Contains("Soy Luna, el asistente de *Peluquería Demo*", first);
        Assert.Contains("*Corte de cabello*\n📅 martes 24 de noviembre\n🕒 10:00\n💇 con Carlos Ramírez\n💲 $5.000", first);
        Assert.EndsWith("¿Confirmo? Responde *sí* o *no*.", first);

        var done = await _chat.SayAsync("sí");

        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", done);
        var a = Assert.Single(await StoredAsync());
        Assert.Contains($"Código: *{a.Code}*", done);
        Assert.Equal((AppointmentSource.WhatsApp, "Juan Pérez", "juan@example.com", WhatsAppApp.Customer, Demo.Tuesday10),
            (a.Source, a.Customer.Name, a.Customer.Email, a.Customer.Phone, a.StartUtc));
    }

    [Fact]
    public async Task BookInEnglish_ThenSwitchToSpanish_TheRepliesFollowTheCustomer()
    {
        var first = await _chat.SayAsync("Hi! can I book a haircut on Tuesday at 10am? I'm John Smith, john@example.com");

        Assert.Contains("I'm Luna, the assistant of *Peluquería Demo*", first);
        Assert.Contains("*Corte de cabello*\n📅 Tuesday, November 24 at 10:00 AM\n💇 with Carlos Ramírez\n💲 $5,000", first);
        Assert.EndsWith("Shall I confirm? Reply *yes* or *no*.", first);

        var done = await _chat.SayAsync("yes");

        Assert.StartsWith("All set! Your appointment is booked ✅", done);
        var a = Assert.Single(await StoredAsync());
        Assert.Contains($"Code: *{a.Code}*", done);
        Assert.Equal(("John Smith", "john@example.com", Demo.Tuesday10, Language.En), (a.Customer.Name, a.Customer.Email, a.StartUtc, a.Language));
        Assert.Contains("Thanks for writing to Peluquería Demo! See you soon.", await _chat.SayAsync("thanks, bye!"));
        Assert.Contains("¿Qué necesitas?", await _chat.SayAsync("hola, buenas! una consulta"));
    }

    [Fact]
    public async Task BookOverSeveralTurns_AsksOneThingAtATime()
    {
        Assert.Contains("¿Qué necesitas?", await _chat.SayAsync("hola"));
        Assert.Contains("¿Qué servicio te gustaría reservar?", await _chat.SayAsync("quiero sacar un turno"));
        Assert.Contains("¿Para qué día", await _chat.SayAsync("corte"));
        Assert.StartsWith("Para mañana (martes 24/11) tengo libre: 09:00, ", await _chat.SayAsync("el martes"));
        Assert.Equal("¿A nombre de quién hago la reserva?", await _chat.SayAsync("a las 11"));
        Assert.Contains("email", await _chat.SayAsync("Ana Gómez"));
        var summary = await _chat.SayAsync("ana@example.com");
        Assert.Contains("🕒 11:00", summary);
        Assert.StartsWith("¡Listo!", await _chat.SayAsync("dale"));
        Assert.Equal("Ana Gómez", Assert.Single(await StoredAsync()).Customer.Name);
    }

    [Fact]
    public async Task BusyTime_OffersAlternatives_AndAPickBooksIt()
    {
        var booking = _chat.Get<BookingService>();
        await booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10, customer: 90));
        await booking.BookAsync(Demo.Request("corte", "lucia", Demo.Tuesday10, customer: 91));

        var busy = await _chat.SayAsync("quiero un corte el martes a las 10, soy Juan Pérez, juan@example.com");

        Assert.Contains("A esa hora ya está ocupado", busy);
        Assert.Contains("1) mañana (martes 24/11) a las 09:00 con Carlos", busy);
        Assert.Contains("3) mañana (martes 24/11) a las 10:30 con Carlos", busy);
        Assert.Contains("🕒 10:30", await _chat.SayAsync("la 3"));
        Assert.StartsWith("¡Listo!", await _chat.SayAsync("si"));
        Assert.Equal(3, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task AskWhatTimesAreFree_ListsThemAndTheAnswerBooks()
    {
        var times = await _chat.SayAsync("¿qué horarios tienen el viernes para un corte?");

        Assert.Contains("Para el viernes 27/11 tengo libre: 09:00, ", times);
        Assert.Contains("¿A nombre de quién", await _chat.SayAsync("a las 16:30"));
    }

    [Fact]
    public async Task AskPrices_ListsTheCatalog()
    {
        var prices = await _chat.SayAsync("hola, cuánto salen los servicios?");

        Assert.Contains("• *Corte de cabello* — $5.000 (30 min)", prices);
        Assert.Contains("• *Coloración* — $18.000 (1 h 30 min)", prices);
    }

    [Fact]
    public async Task Cancel_TheOnlyUpcomingAppointment()
    {
        await _chat.SayAsync("corte el martes a las 10, soy Juan Pérez, juan@example.com");
        await _chat.SayAsync("sí");

        var question = await _chat.SayAsync("quiero cancelar mi turno");
        Assert.Contains("¿Lo cancelo?", question);
        Assert.Contains("Corte de cabello", question);

        Assert.StartsWith("Listo, cancelé tu turno", await _chat.SayAsync("sí"));
        Assert.Equal(AppointmentStatus.Cancelled, Assert.Single(await StoredAsync()).Status);
    }

    [Fact]
    public async Task Reschedule_MovesTheAppointment()
    {
        await _chat.SayAsync("corte el martes a las 10, soy Juan Pérez, juan@example.com");
        await _chat.SayAsync("sí");

        Assert.Contains("¿Para qué día y hora quieres pasarlo?", await _chat.SayAsync("necesito cambiar el turno"));
        var summary = await _chat.SayAsync("el miércoles a las 15");
        Assert.StartsWith("Paso tu turno del", summary);
        Assert.Contains("🕒 15:00", summary);
        Assert.Contains("quedó cambiado", await _chat.SayAsync("sí"));

        var all = await StoredAsync();
        Assert.Equal([AppointmentStatus.Rescheduled, AppointmentStatus.Booked], all.OrderBy(a => a.CreatedUtc).Select(a => a.Status));
        Assert.Equal(Demo.At(2026, 11, 25, 15), all.Single(a => a.Status == AppointmentStatus.Booked).StartUtc);
    }

    [Fact]
    public async Task ReturningCustomer_IsGreetedByNameAndNotAskedAgain()
    {
        await _chat.App.Get<BookingService>().BookAsync(Demo.Request("barba", "carlos", Demo.Tuesday10) with
        {
            Customer = new CustomerInfo("Juan Pérez", WhatsAppApp.Customer, "juan@example.com"),
        });

        var reply = await _chat.SayAsync("hola, quiero un corte el martes a las 15");

        Assert.StartsWith("¡Hola de nuevo, Juan!", reply);
        Assert.EndsWith("¿Confirmo? Responde *sí* o *no*.", reply);
    }

    [Fact]
    public async Task InvalidEmail_IsExplainedAndAskedAgain()
    {
        await _chat.SayAsync("corte el martes a las 10, me llamo Juan Pérez");

        Assert.Contains("parece un número de teléfono", await _chat.SayAsync("1155556666"));
        Assert.Contains("no parece válido", await _chat.SayAsync("juan@@example"));
        Assert.Contains("¿Confirmo?", await _chat.SayAsync("juan@example.com"));
    }

    [Fact]
    public async Task ClosedDay_SaysWhyAndOffersTheNextOpenDay()
    {
        var reply = await _chat.SayAsync("quiero un corte el domingo a las 10");

        Assert.Contains("Los domingos no atendemos.", reply);
        Assert.Contains("1) lunes 30/11 a las 09:00", reply);
    }

    [Fact]
    public async Task TwoBusinesses_KeepSeparateConversations()
    {
        Assert.Contains("¿Para qué día", await _chat.SayAsync("quiero un corte"));

        Assert.Contains("*Barbería Norte*", await _chat.SayAsync("hola", to: ChatApp.BarberNumber));
        Assert.Contains("*Corte clásico* cuesta $4.000", await _chat.SayAsync("cuánto sale el corte?", to: ChatApp.BarberNumber));

        // The salon's conversation still remembers the service asked for there.
        Assert.StartsWith("Para mañana (martes 24/11) tengo libre: 09:00", await _chat.SayAsync("el martes"));
        Assert.Contains("Para mañana (martes 24/11) tengo libre: 10:00", await _chat.SayAsync("el martes", to: ChatApp.BarberNumber));
    }

    [Fact]
    public async Task RepeatedMessageSid_IsAnsweredOnceAndBooksOnce()
    {
        await _chat.SayAsync("corte el martes a las 10, soy Juan Pérez, juan@example.com");
        var sid = WhatsAppApp.NewSid();

        var first = await _chat.SayAsync("sí", sid: sid);
        var again = await _chat.SayAsync("sí", sid: sid);

        Assert.StartsWith("¡Listo!", first);
        Assert.Equal("", again);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task TwoCustomersRaceForTheLastSlot_OneBooksTheOtherGetsAlternatives()
    {
        const string other = "+5491155550002";
        await _chat.SayAsync("corte con Carlos el martes a las 10, soy Juan Pérez, juan@example.com");
        await _chat.SayAsync("corte con Carlos el martes a las 10, soy Ana Gómez, ana@example.com", from: other);

        var replies = await Task.WhenAll(_chat.SayAsync("sí"), _chat.SayAsync("sí", from: other));

        Assert.Single(replies, r => r.StartsWith("¡Listo!"));
        Assert.Single(replies, r => r.StartsWith("Uy, ese horario se acaba de ocupar."));
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task AskForAHuman_FlagsTheConversationForTheBusiness()
    {
        Assert.Contains("una persona", await _chat.SayAsync("quiero hablar con una persona"));

        var flagged = Assert.Single(await _chat.Get<ConversationStore>().ListHandoffsAsync(Demo.Id, default));
        Assert.Equal(WhatsAppApp.Customer, flagged.State.CustomerPhone);
    }
}
