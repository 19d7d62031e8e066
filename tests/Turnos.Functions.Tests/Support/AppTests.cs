using Turnos.Functions.Booking;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Support;

/// <summary>A test class with the app of its own (own tables) on the shared Azurite.</summary>
public abstract class AppTests(AzuriteFixture azurite) : IAsyncLifetime
{
    protected TurnosFactory App { get; } = new(azurite);

    protected BookingService Booking => App.Get<BookingService>();

    protected AppointmentStore Appointments => App.Get<AppointmentStore>();

    public Task InitializeAsync()
    {
        _ = App.Services; // starts the app: tables created, demo seed loaded
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
