using Turnos.Core.Businesses;

namespace Turnos.Bench;

/// <summary>A busy salon: 10 professionals, 15-minute grid, Monday–Saturday 08:00–20:00.</summary>
internal static class BenchBusiness
{
    public const string Id = "bench";
    public const int Professionals = 10;
    public const int Days = 14;

    // Monday 2026-11-23 06:00 in Buenos Aires: every bench day is ahead and within the horizon.
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly FirstDay = new(2026, 11, 24);

    public static BusinessSnapshot Snapshot()
    {
        var open = new List<WorkingRange> { new(8 * 60, 20 * 60) };
        var hours = new WeeklyHours(Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday)
            .ToDictionary(d => d, _ => (IReadOnlyList<WorkingRange>)open));
        var services = new List<Service> { new("corte", "Corte", 30, 5000, null), new("color", "Color", 90, 18000, null) };
        var professionals = Enumerable.Range(0, Professionals)
            .Select(i => new Professional($"pro-{i:00}", $"Profesional {i}", null, hours, ["corte", "color"]))
            .ToList();
        var business = new Business(Id, "Bench", "America/Argentina/Buenos_Aires", ["+15550000000"], null,
            new BookingPolicy(SlotIntervalMinutes: 15, MinimumNoticeMinutes: 60, MaximumHorizonDays: 60), "ARS");
        var blocks = new List<Block> { new("feriado", null, At(FirstDay.AddDays(7), 0), At(FirstDay.AddDays(8), 0), "Feriado") };
        return new BusinessSnapshot(business, services, professionals, blocks);
    }

    /// <summary>Local wall time in the bench business (UTC-3) as UTC.</summary>
    public static DateTimeOffset At(DateOnly day, int minute) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute), TimeSpan.FromHours(-3)).ToUniversalTime();

    /// <summary>About a third of each professional's day booked, spread out deterministically.</summary>
    public static IEnumerable<(string Professional, DateTimeOffset Start)> ExistingBookings()
    {
        for (var d = 0; d < Days; d++)
        {
            var day = FirstDay.AddDays(d);
            if (day.DayOfWeek == DayOfWeek.Sunday || d == 7) continue; // day 7 is the holiday block
            for (var p = 0; p < Professionals; p++)
                for (var minute = 8 * 60 + 30 * (p % 3); minute < 20 * 60 - 30; minute += 90)
                    yield return ($"pro-{p:00}", At(day, minute));
        }
    }
}
