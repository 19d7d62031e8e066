using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;

namespace Turnos.Functions.Tests.Conversations;

/// <summary>Several services in one visit, through POST /api/whatsapp against Azurite. "Now" is Monday 2026-11-23 12:00 in
/// Buenos Aires; "el martes" is the 24th.</summary>
[Collection("Azurite")]
public sealed class VisitDialogueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ChatApp _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatApp.StartAsync(azurite);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private async Task<List<Appointment>> MineAsync() =>
        [.. (await _chat.Get<AppointmentStore>().ListAsync(Demo.Id, Demo.At(2026, 11, 23, 0), Demo.At(2026, 12, 1, 0), default))
            .Where(a => a.Customer.Phone == WhatsAppApp.Customer)];

    private Task<List<HeldTime>> HeldAsync() =>
        _chat.Get<ScheduleStore>().ReadAsync(Demo.Id, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), default);

    [Fact]
    public async Task TwoServices_OneProfessional_OneBookingWithBothAndOneCode()
    {
        var summary = await _chat.SayAsync("hola! corte y barba el martes a las 10, soy Juan Pérez, juan@example.com");

        Assert.Contains("📅 martes 24 de noviembre, de 10:00 a 10:50\n• 10:00 *Corte de cabello* con Carlos Ramírez\n• 10:30 *Barba* con Carlos Ramírez", summary);
        Assert.Contains("⏱️ Duración total: 50 min\n💲 Total: $8.000", summary);

        var done = await _chat.SayAsync("sí");

        var a = Assert.Single(await MineAsync());
        Assert.Contains($"Código: *{a.Code}*", done);
        Assert.Equal([("corte", "carlos"), ("barba", "carlos")], a.Visit.Select(s => (s.ServiceId, s.ProfessionalId)));
        Assert.Equal((Demo.Tuesday10, Demo.Tuesday10.AddMinutes(50)), (a.StartUtc, a.EndUtc));
        var held = Assert.Single(await HeldAsync());
        Assert.Equal(("carlos", a.Id, Demo.Tuesday10, Demo.Tuesday10.AddMinutes(50)), (held.ProfessionalId, held.AppointmentId, held.FromUtc, held.UntilUtc));
    }

    [Fact]
    public async Task ThreeServices_NobodyFreeForAll_SplitAcrossTwoAndSaysWhich()
    {
        await _chat.Get<BookingService>().BookAsync(Demo.Request("coloracion", "lucia", Demo.Tuesday10, customer: 90));

        var summary = await _chat.SayAsync("manicura, corte y barba el martes a las 10, soy Juan Pérez, juan@example.com");

        Assert.Contains("• 10:00 *Manicura* con Sofía Gómez\n• 10:45 *Corte de cabello* con Carlos Ramírez\n• 11:15 *Barba* con Carlos Ramírez", summary);
        Assert.Contains("Duración total: 1 h 35 min\n💲 Total: $15.000", summary);
        Assert.StartsWith("¡Listo!", await _chat.SayAsync("dale"));

        var a = Assert.Single(await MineAsync());
        Assert.Equal(["sofia", "carlos", "carlos"], a.Visit.Select(s => s.ProfessionalId));
        var held = (await HeldAsync()).Where(h => h.AppointmentId == a.Id).OrderBy(h => h.FromUtc).ToList();
        Assert.Equal([("sofia", Demo.Tuesday10, Demo.Tuesday10.AddMinutes(45)), ("carlos", Demo.Tuesday10.AddMinutes(45), Demo.Tuesday10.AddMinutes(95))],
            held.Select(h => (h.ProfessionalId, h.FromUtc, h.UntilUtc)));
    }

    [Fact]
    public async Task OneServiceTakenMeanwhile_AlternativesForTheWholeVisit_AndAPickBooksIt()
    {
        Assert.Contains("• 10:30 *Barba* con Carlos Ramírez", await _chat.SayAsync("corte y barba el martes a las 10, soy Juan Pérez, juan@example.com"));
        // While the customer reads the summary, others take the 10:30 barba with both barbers.
        var booking = _chat.Get<BookingService>();
        await booking.BookAsync(Demo.Request("barba", "carlos", Demo.Tuesday10.AddMinutes(30), customer: 90));
        await booking.BookAsync(Demo.Request("barba", "lucia", Demo.Tuesday10.AddMinutes(30), customer: 91));

        var lost = await _chat.SayAsync("sí");

        Assert.Contains("Uy, ese horario se acaba de ocupar", lost);
        Assert.Contains("1) mañana (martes 24/11) a las 09:00 con Carlos", lost);
        Assert.Empty(await MineAsync());
        var again = await _chat.SayAsync("la 1");
        Assert.Contains("de 09:00 a 09:50", again);
        Assert.StartsWith("¡Listo!", await _chat.SayAsync("sí"));
        Assert.Equal(2, Assert.Single(await MineAsync()).Visit.Count);
    }

    [Fact]
    public async Task CancelAVisit_NamesEveryServiceAndReleasesAllItsTime()
    {
        await _chat.SayAsync("corte y barba el martes a las 10, soy Juan Pérez, juan@example.com");
        await _chat.SayAsync("sí");

        var question = await _chat.SayAsync("quiero cancelar mi turno");
        Assert.Contains("Corte de cabello y Barba", question);
        Assert.StartsWith("Listo, cancelé tu turno", await _chat.SayAsync("sí"));

        Assert.Equal(AppointmentStatus.Cancelled, Assert.Single(await MineAsync()).Status);
        Assert.Empty(await HeldAsync());
    }

    [Fact]
    public async Task RescheduleAVisit_MovesEveryService()
    {
        await _chat.SayAsync("corte y barba el martes a las 10, soy Juan Pérez, juan@example.com");
        await _chat.SayAsync("sí");

        Assert.Contains("• 15:30 *Barba* con Carlos Ramírez", await _chat.SayAsync("quiero cambiar mi turno al martes a las 15"));
        Assert.StartsWith("¡Listo! Tu turno quedó cambiado", await _chat.SayAsync("sí"));

        var moved = Assert.Single(await MineAsync(), a => a.Status == AppointmentStatus.Booked);
        Assert.Equal([Demo.At(2026, 11, 24, 15), Demo.At(2026, 11, 24, 15, 30)], moved.Visit.Select(s => s.StartUtc));
        var held = Assert.Single(await HeldAsync());
        Assert.Equal((moved.Id, Demo.At(2026, 11, 24, 15)), (held.AppointmentId, held.FromUtc));
    }
}
