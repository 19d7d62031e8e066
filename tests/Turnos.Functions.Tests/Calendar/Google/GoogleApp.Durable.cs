using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Calendar.Sync;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

internal sealed partial class GoogleApp
{
    private readonly AzuriteFixture _azurite;

    // Set once a restarted app owns the fake Google.
    private bool _handedOver;

    /// <summary>The tables this app uses (its own prefix unless it was started again on another's).</summary>
    public string TablePrefix => Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Turnos.Functions.Hosting.StorageOptions>>()
        .Value.TablePrefix;

    public DurableTaskClient Durable => Factory.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts an appointment's calendar work as the functions do after a change, and waits until it is done.</summary>
    public async Task SyncCalendarAsync(string businessId, string appointmentId)
    {
        await Factory.Services.GetRequiredService<CalendarStarter>().StartAsync(Durable, businessId, appointmentId, default);
        await Durable.CalendarDoneAsync(businessId, appointmentId);
    }

    /// <summary>
    /// Stops this app as a dying process would (its in-memory orchestrations and timers gone) and starts a new one on
    /// the same tables, Google and token vault. The old one is disposed of, except the fake Google the new one keeps.
    /// </summary>
    public async Task<GoogleApp> RestartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage:TablePrefix"] = TablePrefix };
        _handedOver = true;
        await DisposeAsync();
        return new GoogleApp(_azurite, Google, all, Vault);
    }
}
