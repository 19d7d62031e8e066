using Turnos.Core.Conversations;
using Turnos.Functions.LanguageModel;

namespace Turnos.Functions.Tests.LanguageModel;

/// <summary>What only the rules read survives the model's reading.</summary>
public sealed class UnderstandingMergeTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23), Wednesday = new(2026, 11, 25);

    [Fact]
    public void Merge_MoveWithTheSameTarget_KeepsTheRulesSourceDay()
    {
        var model = new Understanding { Intent = Intent.Reschedule, Date = Wednesday };
        var rules = new Understanding { Intent = Intent.Reschedule, Date = Wednesday, FromDate = Monday };

        Assert.Equal(Monday, UnderstandingMerge.Merge(model, rules).FromDate);
        Assert.Null(UnderstandingMerge.Merge(model with { Date = Monday }, rules).FromDate);
    }

    [Fact]
    public void Merge_NoNameFromEither_KeepsTheRulesPlausibleName()
    {
        var rules = new Understanding { PlausibleName = "Vale Gómez" };

        Assert.Equal("Vale Gómez", UnderstandingMerge.Merge(new Understanding(), rules).PlausibleName);
        Assert.Null(UnderstandingMerge.Merge(new Understanding { Name = "Vale" }, rules).PlausibleName);
    }

    [Fact]
    public void Merge_ModelNamesOneServiceOfTheRulesVisit_TheVisitWins_ButTheModelsOwnVisitStands()
    {
        var rules = new Understanding { ServiceId = "corte", ServiceIds = Turnos.Core.ValueList.Of(["corte", "barba"]) };

        Assert.Equal(["corte", "barba"], UnderstandingMerge.Merge(new Understanding { ServiceId = "barba" }, rules).Services);
        Assert.Equal(["coloracion"], UnderstandingMerge.Merge(new Understanding { ServiceId = "coloracion" }, rules).Services);
        var model = new Understanding { ServiceId = "barba", ServiceIds = Turnos.Core.ValueList.Of(["barba", "corte"]) };
        Assert.Equal(["barba", "corte"], UnderstandingMerge.Merge(model, rules).Services);
    }
}
