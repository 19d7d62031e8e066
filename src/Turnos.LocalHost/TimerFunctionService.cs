using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Turnos.LocalHost;

/// <summary>
/// Runs each timer function on its schedule. Like the Functions host, one function's invocations never overlap
/// (the next occurrence is computed after a run ends) and a failing run is logged without stopping the schedule.
/// Schedules are parsed at start, so a bad expression or a missing setting stops the host with a clear error.
/// </summary>
sealed class TimerFunctionService(
    FunctionCatalog catalog, IServiceProvider services, IConfiguration configuration,
    IOptions<LocalHostOptions> options, ILogger<TimerFunctionService> logger) : BackgroundService
{
    readonly TimeProvider clock = services.GetService<TimeProvider>() ?? TimeProvider.System;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DisableTimers)
        {
            logger.LogInformation("Timer functions are disabled (LocalHost:DisableTimers).");
            return Task.CompletedTask;
        }
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.OfKind(TriggerKind.Timer)
            .Select(fn => (fn, schedule: TimerSchedule.Parse(fn.Name, ((TimerTriggerAttribute)fn.Trigger).Schedule, configuration)))
            .ToList()
            .Select(x => RunAsync(x.fn, x.schedule, stoppingToken)));

    async Task RunAsync(FunctionDescriptor fn, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var last = clock.GetUtcNow().UtcDateTime;
        if (((TimerTriggerAttribute)fn.Trigger).RunOnStartup)
            await InvokeAsync(fn, new TimerInfo { ScheduleStatus = Status(last, schedule.Next(last), last) }, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = schedule.Next(clock.GetUtcNow().UtcDateTime);
            var wait = due - clock.GetUtcNow().UtcDateTime;
            try
            {
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            // Past due when the process could not fire on time (a stall or a suspended machine), as the host reports it.
            var info = new TimerInfo { ScheduleStatus = Status(last, schedule.Next(due), now), IsPastDue = now - due > TimeSpan.FromSeconds(1) };
            await InvokeAsync(fn, info, stoppingToken);
            last = due;
        }
    }

    static ScheduleStatus Status(DateTime last, DateTime next, DateTime now) => new() { Last = last, Next = next, LastUpdated = now };

    async Task InvokeAsync(FunctionDescriptor fn, TimerInfo info, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(fn, scope.ServiceProvider, fn.Method.GetParameters()
                .Select(p => p.Position == fn.TriggerPosition ? info : ParameterBinding.BindCommon(p, scope.ServiceProvider, stoppingToken))
                .ToArray());
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Timer function {Function} failed.", fn.Name);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping and the function honoured its cancellation token.
        }
    }
}
