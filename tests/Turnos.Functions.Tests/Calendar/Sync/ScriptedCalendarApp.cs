using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Sync;

/// <summary>The app on Azurite with a <see cref="ScriptedCalendar"/> for Google and calendar retries a few milliseconds
/// apart (durable timers run on the real clock, not the test's). Tests start the calendar work as the functions do
/// (<see cref="CalendarStarter"/>), or leave it to the reconciliation as a dead process would.</summary>
internal sealed class ScriptedCalendarApp : IAsyncDisposable
{
    private readonly TurnosFactory _root;
    private readonly WebApplicationFactory<LocalHostOptions> _app;

    public ScriptedCalendarApp(AzuriteFixture azurite)
    {
        _root = new TurnosFactory(azurite, settings: new Dictionary<string, string?>
        {
            ["Calendar:SyncAttempts"] = "4",
            ["Calendar:SyncFirstRetrySeconds"] = "0.05",
        });
        _app = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IGoogleCalendar>();
            s.AddSingleton<IGoogleCalendar>(Calendar);
        }));
        _ = _app.Services; // started: tables created, demo seed loaded
    }

    public ScriptedCalendar Calendar { get; } = new();

    public ManualTimeProvider Clock => _root.Clock;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public DurableTaskClient Client => Get<DurableTaskClient>();

    public BookingService Booking => Get<BookingService>();

    public CalendarOutbox Outbox => Get<CalendarOutbox>();

    public async Task<Appointment> BookAsync(string professional = "carlos", DateTimeOffset? start = null) =>
        Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("corte", professional, start ?? Demo.Tuesday10))).Appointment;

    /// <summary>What the functions do once a change is committed.</summary>
    public Task StartAsync(string appointmentId) => Get<CalendarStarter>().StartAsync(Client, Demo.Id, appointmentId, default);

    /// <summary>Starts the appointment's calendar work and waits until it is done.</summary>
    public async Task SyncAsync(string appointmentId)
    {
        await StartAsync(appointmentId);
        await Client.CalendarDoneAsync(Demo.Id, appointmentId);
    }

    public Task<CalendarIntent?> IntentAsync(string appointmentId) => Outbox.FindAsync(Demo.Id, appointmentId, default);

    public Task<int> ReconcileAsync() => Get<CalendarReconciliation>().RunAsync(Client, default);

    public async ValueTask DisposeAsync()
    {
        Calendar.Gate?.TrySetResult();
        await _app.DisposeAsync();
        await _root.DisposeAsync();
    }
}
