using Turnos.Core.Availability;
using Turnos.Core.Businesses;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

/// <summary>Queries the engine refuses, as typed errors rather than exceptions.</summary>
public class AvailabilityValidationTests
{
    private static AvailabilityOutcome Compute(AvailabilityQuery query) => AvailabilityEngine.Compute(Snapshot(), query, [], Now);

    [Theory]
    [InlineData("nope", null, AvailabilityError.UnknownService)]
    [InlineData("corte", "nobody", AvailabilityError.UnknownProfessional)]
    [InlineData("corte", "sofia", AvailabilityError.ProfessionalDoesNotOfferService)]
    [InlineData("manicura", "carlos", AvailabilityError.ProfessionalDoesNotOfferService)]
    public void Compute_UnknownOrMismatchedIds_TypedError(string service, string? professional, AvailabilityError expected)
    {
        var outcome = Compute(new(service, professional, Tuesday));

        Assert.False(outcome.IsSuccess);
        Assert.Null(outcome.Result);
        Assert.Equal(expected, outcome.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(45)]
    [InlineData(-30)]
    public void Compute_IntervalNotFifteenThirtyOrSixty_InvalidInterval(int interval) =>
        Assert.Equal(AvailabilityError.InvalidInterval, Compute(new("corte", null, Tuesday, IntervalMinutes: interval)).Error);

    [Fact]
    public void Compute_PolicyIntervalInvalid_InvalidInterval()
    {
        var snapshot = Snapshot(new BookingPolicy(SlotIntervalMinutes: 20));

        Assert.Equal(AvailabilityError.InvalidInterval,
            AvailabilityEngine.Compute(snapshot, new("corte", null, Tuesday), [], Now).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(7)]
    [InlineData(485)]
    public void Compute_BadDuration_InvalidDuration(int duration) =>
        Assert.Equal(AvailabilityError.InvalidDuration, Compute(new("corte", null, Tuesday, DurationMinutes: duration)).Error);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(367)]
    public void Compute_DaysOutOfRange_InvalidRange(int days) =>
        Assert.Equal(AvailabilityError.InvalidRange, Compute(new("corte", null, Tuesday, Days: days)).Error);

    [Fact]
    public void Compute_LastRepresentableDate_InvalidRangeInsteadOfOverflow() =>
        Assert.Equal(AvailabilityError.InvalidRange, Compute(new("corte", null, DateOnly.MaxValue, Days: 2)).Error);

    [Fact]
    public void Compute_MaximumDaysAndDuration_Accepted()
    {
        Assert.True(Compute(new("corte", null, Tuesday, Days: 366)).IsSuccess);
        Assert.True(Compute(new("corte", null, Tuesday, DurationMinutes: 480)).IsSuccess);
    }
}
