using Microsoft.Extensions.Options;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Hosting;

/// <summary>Creates the tables, moves schedule rows of the legacy layout (once) and loads the seed file before the app
/// takes requests; a bad seed file stops the start with a message naming the file, item and field.</summary>
public sealed class StartupInitializer(
    TurnosTables tables, ScheduleStore schedule, SeedLoader seeds, IOptions<TurnosOptions> options, IHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        await schedule.MigrateLegacyAsync(cancellationToken);
        if (options.Value.SeedFile is { Length: > 0 } seed)
        {
            var path = Path.IsPathRooted(seed) ? seed : Path.Combine(environment.ContentRootPath, seed);
            if (!File.Exists(path)) path = Path.Combine(AppContext.BaseDirectory, seed);
            await seeds.LoadAsync(path, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
