using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Core.Tests.Catalog;

/// <summary>The policy's <c>remindersMinutesBefore</c>: a day and two hours before unless set; validated like the rest.</summary>
public class ReminderSettingsTests
{
    private static BusinessDocument Doc(List<int?>? reminders) => new()
    {
        Id = "demo", Name = "Peluquería Demo", TimeZone = "America/Argentina/Buenos_Aires", Currency = "ARS",
        Policy = new PolicyDocument { RemindersMinutesBefore = reminders },
        Services = [new() { Id = "corte", Name = "Corte de cabello", DurationMinutes = 30, Price = 5000 }],
    };

    private static string[] Errors(List<int?>? reminders) => [.. CatalogValidator.Validate(Doc(reminders), "b").Errors.Select(e => e.ToString())];

    [Fact]
    public void Absent_IsADayAndTwoHoursBefore_AndIsNotWrittenBack()
    {
        var s = CatalogValidator.Validate(Doc(null), "b").Snapshot!;

        Assert.Equal([1440, 120], s.Business.Policy.RemindersMinutesBefore);
        Assert.Null(CatalogDocuments.FromSnapshot(s).Policy!.RemindersMinutesBefore);
    }

    [Fact]
    public void Set_IsKeptEarliestFirst_AndRoundTripsThroughTheDocument()
    {
        var s = CatalogValidator.Validate(Doc([30, 2880, 180]), "b").Snapshot!;
        var again = CatalogValidator.Validate(CatalogDocuments.FromSnapshot(s), "b").Snapshot!;

        Assert.Equal([2880, 180, 30], s.Business.Policy.RemindersMinutesBefore);
        Assert.Equal(s.Business.Policy, again.Business.Policy);
    }

    [Fact]
    public void Empty_TurnsRemindersOff_AndStaysOff()
    {
        var s = CatalogValidator.Validate(Doc([]), "b").Snapshot!;
        var again = CatalogValidator.Validate(CatalogDocuments.FromSnapshot(s), "b").Snapshot!;

        Assert.Empty(s.Business.Policy.RemindersMinutesBefore);
        Assert.Empty(again.Business.Policy.RemindersMinutesBefore);
        Assert.NotEqual(new BookingPolicy(), s.Business.Policy);
    }

    public static TheoryData<int?[], string> Bad => new()
    {
        { [0], "b.policy.remindersMinutesBefore[0]: must be between 1 and 43200 (30 days), not 0" },
        { [120, -5], "b.policy.remindersMinutesBefore[1]: must be between 1 and 43200 (30 days), not -5" },
        { [43201], "b.policy.remindersMinutesBefore[0]: must be between 1 and 43200 (30 days), not 43201" },
        { [120, 60, 120], "b.policy.remindersMinutesBefore[2]: repeats 120" },
        { [1440, null], "b.policy.remindersMinutesBefore[1]: must be a number of minutes" },
        { [1, 2, 3, 4, 5, 6], "b.policy.remindersMinutesBefore: must list at most 5 reminders, not 6" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Invalid_IsRefusedWithWhereAndWhy(int?[] reminders, string error) => Assert.Contains(error, Errors([.. reminders]));

    [Fact]
    public void Valid_HasNoErrors() => Assert.Empty(Errors([43200, 1440, 120, 30, 1]));
}
