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
}
