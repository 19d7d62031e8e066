using Microsoft.Extensions.DependencyInjection;
using Turnos.LocalHost.Tests.Samples;

namespace Turnos.LocalHost.Tests;

public sealed class TimerFunctionTests
{
    [Fact]
    public async Task An_every_second_schedule_from_a_setting_fires_with_a_TimerInfo()
    {
        await using var factory = new TimerHostFactory();
        var probe = factory.Services.GetRequiredService<TimerProbe>();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (probe.Seen.Count < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.True(probe.Seen.Count >= 2, $"fired {probe.Seen.Count} times");
        var second = probe.Seen[1];
        Assert.NotNull(second.ScheduleStatus);
        // Last and Next are occurrences of the schedule: whole seconds apart (one, unless a stalled machine skipped some).
        var gap = second.ScheduleStatus.Next - second.ScheduleStatus.Last;
        Assert.True(gap >= TimeSpan.FromSeconds(1) && gap.Ticks % TimeSpan.TicksPerSecond == 0, $"gap {gap}");
        Assert.Equal(0, second.ScheduleStatus.Next.Millisecond);
    }

    [Fact]
    public async Task A_failing_timer_runs_at_startup_and_keeps_its_schedule()
    {
        var probe = new FailureProbe();
        FailingTimer.Probe = probe;
        try
        {
            await using var factory = new TimerHostFactory();
            _ = factory.Services;

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (probe.Calls < 3 && DateTime.UtcNow < deadline)
                await Task.Delay(100);

            Assert.True(probe.Calls >= 3, $"called {probe.Calls} times");
        }
        finally
        {
            FailingTimer.Probe = null;
        }
    }

    [Fact]
    public async Task Disabled_timers_do_not_fire()
    {
        await using var factory = new SampleHostFactory();
        var probe = factory.Services.GetRequiredService<TimerProbe>();

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Empty(probe.Seen);
    }
}
