using Microsoft.Extensions.Options;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// Runs the <see cref="Sweeper"/> every <c>Calendar:SweepSeconds</c> when the app runs on its own (locally, in
/// tests). Under the Functions host it is not registered: the <c>Sweeper</c> timer function drives the sweeps,
/// and an instance that the platform has frozen between requests could not keep a loop going anyway.
/// </summary>
internal sealed partial class SweeperService(
    Sweeper sweeper, IOptions<CalendarSyncOptions> options, TimeProvider time, ILogger<SweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweeper.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
