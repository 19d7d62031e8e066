using Turnos.Core.Availability;
using Turnos.Core.Businesses;

namespace Turnos.Core.Tests;

/// <summary>The demo salon the app seeds, in Buenos Aires (UTC−3 all year), plus knobs for the edge cases.</summary>
internal static class DemoBusiness
{
    public const string ZoneId = "America/Argentina/Buenos_Aires";

    /// <summary>A Monday; "now" in most tests is 08:00 local that day.</summary>
    public static readonly DateOnly Monday = new(2026, 3, 9);
    public static readonly DateOnly Tuesday = Monday.AddDays(1);
    public static readonly DateOnly Saturday = Monday.AddDays(5);
    public static readonly DateOnly Sunday = Monday.AddDays(6);

    public static readonly DateTimeOffset Now = Utc(Monday, 8, 0);

    public static readonly IReadOnlyList<Service> Services =
    [
        new("corte", "Corte", 30, 8000m, null),
        new("coloracion", "Coloración", 90, 25000m, null),
        new("manicura", "Manicura", 45, 9000m, null),
        new("barba", "Barba", 20, 5000m, null),
        new("peinado", "Peinado", 45, 12000m, null),
    ];

    public static WeeklyHours StandardHours { get; } = Hours(
        (DayOfWeek.Monday, 9 * 60, 19 * 60), (DayOfWeek.Tuesday, 9 * 60, 19 * 60), (DayOfWeek.Wednesday, 9 * 60, 19 * 60),
        (DayOfWeek.Thursday, 9 * 60, 19 * 60), (DayOfWeek.Friday, 9 * 60, 19 * 60), (DayOfWeek.Saturday, 9 * 60, 13 * 60));

    public static BusinessSnapshot Snapshot(
        BookingPolicy? policy = null, IReadOnlyList<Block>? blocks = null, string zoneId = ZoneId, WeeklyHours? hours = null)
    {
        var business = new Business("demo", "Peluquería Demo", zoneId, ["+5491100000000"], "Av. Siempreviva 742",
            policy ?? new BookingPolicy(), "ARS");
        var h = hours ?? StandardHours;
        IReadOnlyList<Professional> professionals =
        [
            new("carlos", "Carlos", null, h, ["corte", "coloracion", "barba", "peinado"]),
            new("lucia", "Lucía", null, h, ["corte", "coloracion", "manicura", "barba", "peinado"]),
            new("sofia", "Sofía", null, h, ["manicura", "peinado"]),
        ];
        return new BusinessSnapshot(business, Services, professionals, blocks ?? []);
    }

    public static WeeklyHours Hours(params (DayOfWeek Day, int Start, int End)[] ranges) =>
        new(ranges.GroupBy(r => r.Day).ToDictionary(
            g => g.Key, g => (IReadOnlyList<WorkingRange>)g.Select(r => new WorkingRange(r.Start, r.End)).ToArray()));

    public static WeeklyHours EveryDay(int start, int end) =>
        Hours(Enum.GetValues<DayOfWeek>().Select(d => (d, start, end)).ToArray());

    /// <summary>A Buenos Aires wall time as a UTC instant (fixed UTC−3, so no ambiguity).</summary>
    public static DateTimeOffset Utc(DateOnly date, int hour, int minute) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(-3)).ToUniversalTime();

    public static Service Service(string id) => Services.Single(s => s.Id == id);

    public static BusyInterval Busy(string professionalId, DateTimeOffset from, int minutes, string? appointmentId = null) =>
        new(professionalId, from, from.AddMinutes(minutes), appointmentId);

    public static AvailabilityResult Success(AvailabilityOutcome outcome)
    {
        Assert.True(outcome.IsSuccess, $"expected success, got {outcome}");
        return outcome.Result!;
    }

    public static IReadOnlyList<Slot> SlotsOf(AvailabilityOutcome outcome, string professionalId, int day = 0) =>
        Success(outcome).Days[day].Professionals.Single(p => p.ProfessionalId == professionalId).Slots;

    public static string[] Labels(IEnumerable<Slot> slots) => slots.Select(s => s.LocalTime.ToString("HH:mm")).ToArray();
}
