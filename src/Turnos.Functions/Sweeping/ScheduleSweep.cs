using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// Keeps the schedule true to the appointments from yesterday on (earlier locks block nobody): it moves rows an instance
/// of the previous version wrote in the legacy layout.
/// </summary>
internal sealed class ScheduleSweep(CatalogStore catalog, ScheduleStore schedule, TimeProvider time) : ISweepJob
{
    private const int MaxPerRun = 200;

    public string Name => "schedule";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // The day before today in UTC is no later than today's work day in any time zone.
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var done = 0;
        foreach (var business in await catalog.ListBusinessIdsAsync(ct))
        {
            if (done >= MaxPerRun) break;
            done += await SweepAsync(business, from, MaxPerRun - done, ct);
        }
        return done;
    }

    private async Task<int> SweepAsync(string businessId, DateOnly from, int max, CancellationToken ct)
    {
        var holders = await schedule.HoldersAsync(businessId, from, ct);
        var done = 0;
        foreach (var legacy in holders.Where(h => h.Legacy).Select(h => h.Partition).Distinct())
        {
            if (done >= max) return done;
            done += await schedule.MigrateAsync(legacy, ct);
        }
        return done;
    }
}
