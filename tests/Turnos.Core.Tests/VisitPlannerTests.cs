using Turnos.Core.Availability;
using Turnos.Core.Booking;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

/// <summary>Planning a visit of several services at one start, in the demo salon on Tuesday (now: Monday 08:00).</summary>
public class VisitPlannerTests
{
    private static readonly DateTimeOffset Ten = Utc(Tuesday, 10, 0);

    private static VisitPlan Plan(string[] services, IReadOnlyList<BusyInterval>? busy = null, string? professional = null) =>
        VisitPlanner.Plan(Snapshot(), [.. services.Select(Service)], professional, Ten, busy ?? [], Now, new Dictionary<string, int>());

    [Fact]
    public void Plan_OneProfessionalFreeForTheWholeSpan_DoesEveryServiceBackToBack()
    {
        var plan = Plan(["corte", "barba"]);

        Assert.Equal(
            [new VisitSegment("corte", "carlos", Ten, Ten.AddMinutes(30)), new VisitSegment("barba", "carlos", Ten.AddMinutes(30), Ten.AddMinutes(50))],
            plan.Segments);
        Assert.Null(plan.Team);
    }

    [Fact]
    public void Plan_FirstProfessionalBusyForPartOfTheSpan_TakesAnotherWhoIsFreeForAllOfIt()
    {
        var plan = Plan(["corte", "barba"], [Busy("carlos", Ten.AddMinutes(40), 30)]);

        Assert.All(plan.Segments!, s => Assert.Equal("lucia", s.ProfessionalId));
    }

    [Fact]
    public void Plan_NobodyFreeForTheWholeSpan_SplitsBackToBackAndSaysWho()
    {
        var plan = Plan(["manicura", "peinado"], [Busy("lucia", Ten, 120), Busy("sofia", Ten.AddMinutes(45), 45)]);

        Assert.Equal(["sofia", "carlos"], plan.Team);
        Assert.Equal((Ten.AddMinutes(45), Ten.AddMinutes(90)), (plan.Segments![1].StartUtc, plan.Segments[1].EndUtc));
    }

    [Fact]
    public void Plan_NobodyOffersEveryService_SplitsKeepingThePreviousProfessionalWhenFree()
    {
        var plan = Plan(["manicura", "corte", "barba"], [Busy("lucia", Ten, 30)]);

        Assert.Equal(["sofia", "carlos", "carlos"], plan.Team);
    }

    [Fact]
    public void Plan_OneServiceTakenForEveryone_UnavailableAsBooked()
    {
        var plan = Plan(["corte", "barba"], [Busy("carlos", Ten.AddMinutes(30), 20), Busy("lucia", Ten.AddMinutes(30), 20)]);

        Assert.False(plan.Planned);
        Assert.Equal(UnavailableReason.Booked, plan.Reason);
    }

    [Fact]
    public void Plan_ProfessionalAskedForWhoDoesItAllButIsBusy_NotHandedToSomeoneElse()
    {
        var plan = Plan(["corte", "barba"], [Busy("carlos", Ten.AddMinutes(30), 20)], professional: "carlos");

        Assert.False(plan.Planned);
    }

    [Fact]
    public void Plan_ProfessionalAskedForWhoDoesPartOfIt_DoesTheirPartAndAnotherTheRest()
    {
        var plan = Plan(["manicura", "corte"], professional: "carlos");

        Assert.Equal(["lucia", "carlos"], plan.Team);
    }

    [Fact]
    public void Plan_VisitRunsPastClosing_OutsideHours()
    {
        var late = Utc(Tuesday, 18, 0);
        var plan = VisitPlanner.Plan(Snapshot(), [Service("coloracion"), Service("corte")], null, late, [], Now, new Dictionary<string, int>());

        Assert.Equal(UnavailableReason.OutsideHours, plan.Reason);
    }
}
