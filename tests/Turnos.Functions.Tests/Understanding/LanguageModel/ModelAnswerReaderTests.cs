using Turnos.Core.Conversations;
using Turnos.Functions.LanguageModel;

namespace Turnos.Functions.Tests.LanguageModel;

/// <summary>Every value the model returns is checked here, whatever the schema promised.</summary>
public sealed class ModelAnswerReaderTests
{
    private static Understanding Read(string json) =>
        ModelAnswerReader.Read(json, Salon.Context("texto")) ?? throw new Xunit.Sdk.XunitException("unparsable");

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("24/11/2026")]
    [InlineData("2031-11-24")]
    [InlineData("")]
    public void Read_ImpossibleOrImplausibleDate_DropsIt(string date) =>
        Assert.Null(Read($$"""{"intent":"book","date":"{{date}}"}""").Date);

    [Theory]
    [InlineData("25:00")]
    [InlineData("15:60")]
    [InlineData("3pm")]
    [InlineData("15")]
    public void Read_ImpossibleTime_DropsIt(string time) =>
        Assert.Null(Read($$"""{"intent":"book","time":"{{time}}"}""").Time);

    [Fact]
    public void Read_ValidDateAndTime_KeepsThem()
    {
        var result = Read("""{"intent":"book","date":"2026-11-27","time":"9:30"}""");

        Assert.Equal(new DateOnly(2026, 11, 27), result.Date);
        Assert.Equal(new TimeOnly(9, 30), result.Time);
    }

    [Theory]
    [InlineData("14:00", "19:00", true)]
    [InlineData("20:00", "24:00", true)]
    [InlineData("19:00", "14:00", false)]
    [InlineData("14:00", null, false)]
    public void Read_TimeRange_KeepsOnlyOrderedWindows(string from, string? to, bool kept)
    {
        var toJson = to is null ? "null" : $"\"{to}\"";

        var range = Read($$"""{"intent":"availability","time_from":"{{from}}","time_to":{{toJson}}}""").TimeRange;

        Assert.Equal(kept, range is not null);
    }

    [Theory]
    [InlineData("confirm_yes", Intent.ConfirmYes)]
    [InlineData("HUMAN", Intent.Human)]
    [InlineData("hours", Intent.Hours)]
    [InlineData("book_now", Intent.Other)]
    [InlineData("", Intent.Other)]
    public void Read_IntentString_MapsToEnumOrOther(string intent, Intent expected) =>
        Assert.Equal(expected, Read($$"""{"intent":"{{intent}}"}""").Intent);

    [Theory]
    [InlineData(2, 2)]
    [InlineData(-1, -1)]
    [InlineData(0, null)]
    [InlineData(500, null)]
    public void Read_Choice_KeepsPicksFromEitherEnd(int choice, int? expected) =>
        Assert.Equal(expected, Read($$"""{"intent":"other","choice":{{choice}}}""").Choice);

    [Fact]
    public void Read_MoreServices_AVisitInOrder_UnknownAndRepeatedDropped()
    {
        var visit = Read("""{"intent":"book","service_id":"corte","more_service_ids":["barba","tatuaje","corte","Peinado"]}""");
        var single = Read("""{"intent":"book","service_id":"corte","more_service_ids":[]}""");
        var orphan = Read("""{"intent":"book","service_id":null,"more_service_ids":["barba"]}""");

        Assert.Equal(["corte", "barba", "peinado"], visit.Services);
        Assert.Equal(["corte"], single.Services);
        Assert.Empty(orphan.Services);
    }

    [Fact]
    public void Read_CatalogNameOrDifferentCase_MapsToId()
    {
        var result = Read("""{"intent":"book","service_id":"Coloracion","professional_id":"LUCIA"}""");

        Assert.Equal("coloracion", result.ServiceId);
        Assert.Equal("lucia", result.ProfessionalId);
    }

    [Fact]
    public void Read_BadNameChoiceAndCode_DropsThem()
    {
        var result = Read("""{"intent":"other","name":"R2D2","choice":1.5,"business_code":"no es un código!"}""");

        Assert.Null(result.Name);
        Assert.Equal(NameProblem.HasDigits, result.NameProblem);
        Assert.Null(result.Choice);
        Assert.Null(result.BusinessCode);
    }

    [Fact]
    public void Read_WrongTypes_DropsFieldsNotTheAnswer()
    {
        var result = Read("""{"intent":"book","date":20261124,"time":true,"service_id":["corte"],"choice":"2","any_professional":"yes"}""");

        Assert.Equal(Intent.Book, result.Intent);
        Assert.Null(result.Date);
        Assert.Null(result.Time);
        Assert.Null(result.ServiceId);
        Assert.Null(result.Choice);
        Assert.False(result.AnyProfessional);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"book\"")]
    [InlineData("{\"intent\":")]
    public void Read_NotAJsonObject_ReturnsNull(string content) =>
        Assert.Null(ModelAnswerReader.Read(content, Salon.Context("texto")));
}
