using System.Diagnostics;
using Turnos.Core.Availability;
using Turnos.Core.Businesses;
using Xunit.Abstractions;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive;

/// <summary>
/// Guards the engine's cost. Wall time on a shared machine only ever gets worse under load, so the fastest
/// of many runs measures the engine itself; allocations are deterministic and catch per-slot waste.
/// </summary>
[Collection(nameof(TimingSensitive))]
public class AvailabilityPerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Compute_FourteenDaysTenProfessionalsFifteenMinutes_UnderFiveMilliseconds()
    {
        var demo = Snapshot();
        var professionals = Enumerable.Range(0, 10)
            .Select(i => new Professional($"p{i}", $"Pro {i}", null, StandardHours, ["corte"]))
            .ToArray();
        var blocks = new[] { new Block("feriado", null, Utc(Monday.AddDays(9), 0, 0), Utc(Monday.AddDays(10), 0, 0), null) };
        var snapshot = new BusinessSnapshot(demo.Business, demo.Services, professionals, blocks);
        // Six appointments per professional per day, spread over the morning and afternoon.
        var busy = (from p in professionals
                    from d in Enumerable.Range(0, 14)
                    from h in new[] { 9, 10, 12, 14, 16, 18 }
                    select Busy(p.Id, Utc(Monday.AddDays(d), h, 0), 30, $"{p.Id}-{d}-{h}")).ToArray();
        var query = new AvailabilityQuery("corte", null, Monday, Days: 14, IntervalMinutes: 15);

        var slots = 0;
        for (var i = 0; i < 50; i++) slots = Count(AvailabilityEngine.Compute(snapshot, query, busy, Now));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        AvailabilityEngine.Compute(snapshot, query, busy, Now);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var timings = new List<double>();
        for (var i = 0; i < 51; i++)
        {
            var watch = Stopwatch.StartNew();
            AvailabilityEngine.Compute(snapshot, query, busy, Now);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        output.WriteLine($"{slots} slots, {busy.Length} busy: fastest {timings[0]:F3} ms, median {timings[25]:F3} ms, {allocated / 1024} KiB");

        Assert.Equal(10 * (10 * 39 + 2 * 15), slots);
        Assert.True(timings[0] < 5, $"fastest run {timings[0]:F3} ms");
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated"); // ~150 bytes per slot today
    }

    private static int Count(AvailabilityOutcome outcome) =>
        Success(outcome).Days.Sum(d => d.Professionals.Sum(p => p.Slots.Count));
}
