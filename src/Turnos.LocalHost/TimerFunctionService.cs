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
        var trigger = (TimerTriggerAttribute)fn.Trigger;
        var now = clock.GetUtcNow().UtcDateTime;
        // As the Functions timer listener does, each invocation sees the status as it stood before it (Last: the
        // previous occurrence, Next: the one firing now); the host keeps it in storage, we keep it in memory.
        var status = new ScheduleStatus { Last = now, Next = schedule.Next(now), LastUpdated = now };
        if (trigger.RunOnStartup)
            await InvokeAsync(fn, Info(trigger, status, pastDue: false), stoppingToken);
        var lastDue = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Never an occurrence already fired: a delay that woke a little early would otherwise find it again.
            var from = clock.GetUtcNow().UtcDateTime;
            var due = schedule.Next(from > lastDue ? from : lastDue);
            status.Next = due;
            try
            {
                // Task.Delay may wake a little before its time; an occurrence never fires early.
                for (var wait = due - clock.GetUtcNow().UtcDateTime; wait > TimeSpan.Zero; wait = due - clock.GetUtcNow().UtcDateTime)
                    await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // Past due when the process could not fire on time (a stall, a suspended machine).
            var late = clock.GetUtcNow().UtcDateTime - due > TimeSpan.FromSeconds(1);
            await InvokeAsync(fn, Info(trigger, status, late), stoppingToken);
            lastDue = due;
            status = new ScheduleStatus { Last = due, Next = schedule.Next(due), LastUpdated = clock.GetUtcNow().UtcDateTime };
        }
    }

    // Without the schedule monitor (UseMonitor = false) the Functions host passes no status either.
    static TimerInfo Info(TimerTriggerAttribute trigger, ScheduleStatus status, bool pastDue) => new()
    {
        ScheduleStatus = trigger.UseMonitor ? new ScheduleStatus { Last = status.Last, Next = status.Next, LastUpdated = status.LastUpdated } : null,
        IsPastDue = pastDue,
    };

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
