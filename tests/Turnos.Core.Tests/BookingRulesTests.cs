using Turnos.Core.Booking;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

public class BookingRulesTests
{
    private static readonly DateTimeOffset TenUtc = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OrderForAnyProfessional_DifferentCounts_FewestBookingsFirst()
    {
        var candidates = Snapshot().Professionals;
        var ordered = BookingRules.OrderForAnyProfessional(candidates, new Dictionary<string, int> { ["carlos"] = 3, ["lucia"] = 1, ["sofia"] = 2 });

        Assert.Equal(["lucia", "sofia", "carlos"], ordered.Select(p => p.Id));
    }

    [Fact]
    public void OrderForAnyProfessional_TiesAndMissingCounts_KeepCatalogOrder()
    {
        var candidates = Snapshot().Professionals;
        var ordered = BookingRules.OrderForAnyProfessional(candidates, new Dictionary<string, int> { ["carlos"] = 2, ["sofia"] = 0 });

        Assert.Equal(["lucia", "sofia", "carlos"], ordered.Select(p => p.Id)); // lucia (missing = 0) before sofia (0)
        Assert.Equal(["carlos", "lucia", "sofia"], BookingRules.OrderForAnyProfessional(candidates, new Dictionary<string, int>()).Select(p => p.Id));
        Assert.Equal(["carlos", "lucia", "sofia"], candidates.Select(p => p.Id)); // input untouched
    }

    [Fact]
    public void Granules_NinetyMinutesWithBuffers_TwentyOneAlignedGranules()
    {
        // coloracion 10:00–11:30 with 10 before and 5 after holds 09:50–11:35.
        var granules = SlotLocks.Granules(TenUtc.AddMinutes(-10), TenUtc.AddMinutes(95));

        Assert.Equal(21, granules.Count);
        Assert.Equal(TenUtc.AddMinutes(-10), granules[0]);
        Assert.Equal(TenUtc.AddMinutes(90), granules[^1]);
        Assert.All(granules.Zip(granules.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(5), p.Second - p.First));
        Assert.All(granules, g => Assert.Equal(TimeSpan.Zero, g.Offset));
    }

    [Fact]
    public void Granules_UnalignedInterval_RoundedOutward()
    {
        var granules = SlotLocks.Granules(TenUtc.AddMinutes(2).AddSeconds(30), TenUtc.AddMinutes(7));

        Assert.Equal([TenUtc, TenUtc.AddMinutes(5)], granules);
    }

    [Fact]
    public void Granules_OverlappingIntervals_ShareAGranuleAndTouchingOnesDoNot()
    {
        var first = SlotLocks.Granules(TenUtc, TenUtc.AddMinutes(30));
        var touching = SlotLocks.Granules(TenUtc.AddMinutes(30), TenUtc.AddMinutes(60));
        var overlapping = SlotLocks.Granules(TenUtc.AddMinutes(29), TenUtc.AddMinutes(60));

        Assert.Empty(first.Intersect(touching));
        Assert.NotEmpty(first.Intersect(overlapping));
    }

    [Fact]
    public void Granules_LocalOffsetInput_AlignedInUtc()
    {
        var local = new DateTimeOffset(2026, 3, 10, 10, 3, 0, TimeSpan.FromHours(-3));

        Assert.Equal([TenUtc], SlotLocks.Granules(local, local.AddMinutes(1)));
    }

    [Fact]
    public void Granules_EmptyOrInverted_None()
    {
        Assert.Empty(SlotLocks.Granules(TenUtc, TenUtc));
        Assert.Empty(SlotLocks.Granules(TenUtc, TenUtc.AddMinutes(-5)));
    }

    [Fact]
    public void RowKey_Granule_CompactUtcStamp()
    {
        Assert.Equal("20260310T1300Z", SlotLocks.RowKey(TenUtc));
        Assert.Equal("20260310T1300Z", SlotLocks.RowKey(TenUtc.ToOffset(TimeSpan.FromHours(-3))));
        Assert.Equal("20261231T2355Z", SlotLocks.RowKey(new DateTimeOffset(2026, 12, 31, 23, 55, 0, TimeSpan.Zero)));
    }
}
