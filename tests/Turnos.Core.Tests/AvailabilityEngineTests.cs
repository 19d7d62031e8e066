using Turnos.Core.Availability;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

public class AvailabilityEngineTests
{
    private static AvailabilityOutcome Compute(AvailabilityQuery query, IReadOnlyList<BusyInterval>? busy = null) =>
        AvailabilityEngine.Compute(Snapshot(), query, busy ?? [], Now);

    [Fact]
    public void Compute_NormalWeekday_TwentyHalfHourSlotsFromNineToHalfPastSix()
    {
        var slots = SlotsOf(Compute(new("corte", "carlos", Tuesday)), "carlos");

        Assert.Equal(20, slots.Count);
        Assert.Equal("09:00", Labels(slots)[0]);
        Assert.Equal("18:30", Labels(slots)[^1]);
        Assert.All(slots, s => Assert.True(s.Available));
        Assert.All(slots, s => Assert.Equal(TimeSpan.Zero, s.StartUtc.Offset));
        Assert.Equal(Utc(Tuesday, 9, 0), slots[0].StartUtc);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), slots[0].StartUtc);
        Assert.Equal(Utc(Tuesday, 19, 0), slots[^1].EndUtc);
    }

    [Fact]
    public void Compute_LongService_LastSlotStillEndsByClosing()
    {
        var slots = SlotsOf(Compute(new("coloracion", "lucia", Tuesday)), "lucia");

        Assert.Equal(18, slots.Count);
        Assert.Equal("17:30", Labels(slots)[^1]);
        Assert.Equal(Utc(Tuesday, 19, 0), slots[^1].EndUtc);
    }

    [Fact]
    public void Compute_NoProfessionalAsked_EveryoneOfferingTheServiceInCatalogOrder()
    {
        var corte = Success(Compute(new("corte", null, Tuesday))).Days.Single();
        var peinado = Success(Compute(new("peinado", null, Tuesday))).Days.Single();

        Assert.Equal(["carlos", "lucia"], corte.Professionals.Select(p => p.ProfessionalId));
        Assert.Equal(["carlos", "lucia", "sofia"], peinado.Professionals.Select(p => p.ProfessionalId));
        Assert.Equal("Lucía", corte.Professionals[1].Name);
    }

    [Fact]
    public void Compute_Sunday_ClosedDayWithNoHoursAndNoSlots()
    {
        var day = Success(Compute(new("corte", null, Sunday))).Days.Single();

        Assert.Equal(Sunday, day.Date);
        Assert.All(day.Professionals, p =>
        {
            Assert.True(p.Closed);
            Assert.Empty(p.Hours);
            Assert.Empty(p.Slots);
            Assert.Equal(0, p.AvailableCount);
        });
    }

    [Fact]
    public void Compute_Saturday_ShortDayUntilOne()
    {
        var pro = Success(Compute(new("corte", "carlos", Saturday))).Days.Single().Professionals.Single();

        Assert.Equal([new(9 * 60, 13 * 60)], pro.Hours);
        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"], Labels(pro.Slots));
        Assert.Equal(8, pro.AvailableCount);
    }

    [Fact]
    public void Compute_SeveralDays_OneEntryPerLocalDateInOrder()
    {
        var days = Success(Compute(new("corte", "carlos", Monday, Days: 7))).Days;

        Assert.Equal(Enumerable.Range(0, 7).Select(Monday.AddDays), days.Select(d => d.Date));
        Assert.Equal([20, 20, 20, 20, 20, 8, 0], days.Select(d => d.Professionals.Single().Slots.Count));
    }

    [Fact]
    public void Compute_ExactTimeInsideHours_OneAvailableSlotPerProfessional()
    {
        var day = Success(Compute(new("corte", null, Tuesday, ExactTime: new TimeOnly(15, 0)))).Days.Single();

        Assert.All(day.Professionals, p =>
        {
            var slot = Assert.Single(p.Slots);
            Assert.True(slot.Available);
            Assert.Equal(new TimeOnly(15, 0), slot.LocalTime);
            Assert.Equal(Utc(Tuesday, 15, 0), slot.StartUtc);
            Assert.Equal(240, slot.FreeMinutes);
        });
    }

    [Theory]
    [InlineData(18, 45)] // starts inside but would end at 19:15
    [InlineData(20, 0)]
    [InlineData(8, 30)]
    public void Compute_ExactTimeNotFittingHours_OutsideHours(int hour, int minute)
    {
        var slot = Assert.Single(SlotsOf(Compute(new("corte", "carlos", Tuesday, ExactTime: new TimeOnly(hour, minute))), "carlos"));

        Assert.False(slot.Available);
        Assert.Equal(UnavailableReason.OutsideHours, slot.Reason);
        Assert.Equal(0, slot.FreeMinutes);
    }

    [Fact]
    public void Compute_ExactTimeOnSunday_ClosedDay()
    {
        var pro = Success(Compute(new("corte", "carlos", Sunday, ExactTime: new TimeOnly(10, 0)))).Days[0].Professionals[0];

        Assert.True(pro.Closed);
        Assert.Equal(UnavailableReason.ClosedDay, Assert.Single(pro.Slots).Reason);
    }

    [Theory]
    [InlineData(15, 39, "18:30")]
    [InlineData(60, 10, "18:00")]
    public void Compute_IntervalOverride_StepsByThatInterval(int interval, int count, string last)
    {
        var slots = SlotsOf(Compute(new("corte", "carlos", Tuesday, IntervalMinutes: interval)), "carlos");

        Assert.Equal(count, slots.Count);
        Assert.Equal(last, Labels(slots)[^1]);
        Assert.All(slots.Zip(slots.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(interval), p.Second.StartUtc - p.First.StartUtc));
        Assert.Equal(interval, Success(Compute(new("corte", "carlos", Tuesday, IntervalMinutes: interval))).IntervalMinutes);
    }

    [Fact]
    public void Compute_DurationOverride_UsedForEndsAndFit()
    {
        var result = Success(Compute(new("corte", "carlos", Tuesday, DurationMinutes: 120)));
        var slots = result.Days[0].Professionals[0].Slots;

        Assert.Equal(120, result.DurationMinutes);
        Assert.Equal("17:00", Labels(slots)[^1]);
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(120), s.EndUtc - s.StartUtc));
    }
}
