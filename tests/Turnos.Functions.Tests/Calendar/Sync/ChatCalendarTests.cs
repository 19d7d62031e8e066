using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Conversations.Orchestration;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Sync;

/// <summary>Bookings, moves and cancellations made in a WhatsApp conversation (the conversation orchestration's effect
/// activity) reach the calendar, and the customer's confirmation never waits for Google.</summary>
[Collection("Azurite")]
public sealed class ChatCalendarTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Customer = "+5491155550001";
    private readonly ScriptedCalendar _calendar = new();
    private OrchestrationApp _app = null!;

    public async Task InitializeAsync() => _app = await OrchestrationApp.StartAsync(azurite, services: s =>
    {
        s.RemoveAll<IGoogleCalendar>();
        s.AddSingleton<IGoogleCalendar>(_calendar);
    });

    public async Task DisposeAsync()
    {
        _calendar.Gate?.TrySetResult();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task BookMoveAndCancelInTheChat_ReachTheCalendar_WithoutTheRepliesWaitingForGoogle()
    {
        await _app.SayAsync(Customer, "quiero un corte de pelo el martes a las 10, soy Juan Pérez, juan@example.com");
        _calendar.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously); // Google hangs

        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", await _app.SayAsync(Customer, "sí"));
        Assert.Empty(_calendar.Upserts);
        _calendar.Gate.SetResult();
        var booked = Assert.Single(await StoredAsync());
        await _app.Client.CalendarDoneAsync(Demo.Id, booked.Id);
        Assert.Equal(("tn" + booked.Id, Demo.Tuesday10), (_calendar.Upserts.Last().EventId, _calendar.Upserts.Last().StartUtc));

        await _app.SayAsync(Customer, "necesito cambiar el turno");
        await _app.SayAsync(Customer, "el miércoles a las 15");
        Assert.Contains("quedó cambiado", await _app.SayAsync(Customer, "sí"));
        var moved = Assert.Single(await StoredAsync(), a => a.Status == AppointmentStatus.Booked);
        await _app.Client.CalendarDoneAsync(Demo.Id, moved.Id);
        Assert.Equal(("tn" + booked.Id, Demo.At(2026, 11, 25, 15)), (_calendar.Upserts.Last().EventId, _calendar.Upserts.Last().StartUtc));

        await _app.SayAsync(Customer, "quiero cancelar mi turno");
        Assert.StartsWith("Listo, cancelé tu turno", await _app.SayAsync(Customer, "sí"));
        await _app.Client.CalendarDoneAsync(Demo.Id, moved.Id);
        Assert.Equal(["tn" + booked.Id], _calendar.Cancels);
        Assert.Equal(2, _calendar.Upserts.Count);
        Assert.Null(await _app.Services.GetRequiredService<CalendarOutbox>().FindAsync(Demo.Id, moved.Id, default));
    }

    private Task<List<Appointment>> StoredAsync() => _app.Services.GetRequiredService<AppointmentStore>()
        .ListAsync(Demo.Id, Demo.At(2026, 11, 23, 0), Demo.At(2026, 12, 1, 0), default);
}
