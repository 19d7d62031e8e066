using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Days relative to Wednesday 2026-11-18 (see DateExpressions for the conventions).</summary>
public class DateTests
{
    public static TheoryData<string, string> Dates => Table(
        ("hoy", "2026-11-18"), ("hoy mismo", "2026-11-18"), ("mañana", "2026-11-19"), ("manana", "2026-11-19"),
        ("maniana", "2026-11-19"), ("mñn", "2026-11-19"), ("MAÑANA", "2026-11-19"), ("pasado mañana", "2026-11-20"),
        ("pasado manana", "2026-11-20"), ("esta tarde", "2026-11-18"), ("esta noche", "2026-11-18"),
        // Weekdays: the next occurrence after today, whatever the article.
        ("el jueves", "2026-11-19"), ("el viernes", "2026-11-20"), ("viernes", "2026-11-20"), ("este viernes", "2026-11-20"),
        ("el próximo viernes", "2026-11-20"), ("el viernes que viene", "2026-11-20"), ("el viernes próximo", "2026-11-20"),
        ("el sábado", "2026-11-21"), ("el sabado", "2026-11-21"), ("sab", "2026-11-21"), ("el domingo", "2026-11-22"),
        ("el lunes", "2026-11-23"), ("el martes", "2026-11-24"), ("el miércoles", "2026-11-25"), ("el miercoles que viene", "2026-11-25"),
        ("el finde", "2026-11-21"), ("el fin de semana", "2026-11-21"),
        ("la semana que viene", "2026-11-23"), ("la próxima semana", "2026-11-23"), ("la semana próxima", "2026-11-23"),
        ("el martes de la semana que viene", "2026-11-24"), ("la semana que viene el viernes", "2026-11-27"),
        ("el viernes 27", "2026-11-27"), ("viernes 20", "2026-11-20"),
        ("en 3 días", "2026-11-21"), ("dentro de 3 días", "2026-11-21"), ("en dos días", "2026-11-20"), ("en una semana", "2026-11-25"),
        ("dentro de dos semanas", "2026-12-02"), ("en 10 dias", "2026-11-28"),
        ("15/12", "2026-12-15"), ("15-12", "2026-12-15"), ("1/12", "2026-12-01"), ("01/12", "2026-12-01"), ("18/11", "2026-11-18"),
        ("17/11", "2027-11-17"), ("15/12/2027", "2027-12-15"), ("15/12/27", "2027-12-15"), ("2026-12-15", "2026-12-15"),
        ("15 de diciembre", "2026-12-15"), ("15 diciembre", "2026-12-15"), ("el 15 de diciembre", "2026-12-15"),
        ("15 de dic", "2026-12-15"), ("1ro de diciembre", "2026-12-01"), ("el primero de diciembre", "2026-12-01"),
        ("2 de enero", "2027-01-02"), ("2 de enero de 2027", "2027-01-02"), ("15 de marzo", "2027-03-15"), ("18 de noviembre", "2026-11-18"),
        ("el 15", "2026-12-15"), ("el 20", "2026-11-20"), ("el día 20", "2026-11-20"), ("para el 25", "2026-11-25"), ("el 18", "2026-11-18"),
        ("el 17", "2026-12-17"), ("el 31", "2026-12-31"), ("el turno del 20", "2026-11-20"),
        ("mañana a las 3", "2026-11-19"), ("el viernes a la tarde", "2026-11-20"), ("viernes 20 a las 5", "2026-11-20"));

    [Theory, MemberData(nameof(Dates))]
    public void Understand_DayExpression_IsTheDate(string text, string date) => Check(Understand(text), $"date={date}", strict: false, text);

    public static TheoryData<string, string> NoDates => Table(
        ("31/02", "date=null"), ("30/02/2027", "date=null"), ("32/12", "date=null"), ("15/13", "date=null"), ("29/02", "date=null"),
        ("quiero un turno", "date=null"), ("a las 10", "date=null"), ("10 de la mañana", "date=null|time=10:00"),
        ("a la mañana", "date=null"), ("por la mañana", "date=null"), ("buenas tardes", "date=null"), ("hasta mañana", "date=null"),
        ("somos 2", "date=null"), ("cuesta 5000?", "date=null"), ("dura 45 minutos", "date=null"));

    [Theory, MemberData(nameof(NoDates))]
    public void Understand_NoOrImpossibleDay_NoDate(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    [Fact]
    public void Understand_WeekdayNamedOnThatDay_IsNextWeek()
    {
        var friday = new DateTime(2026, 11, 20, 9, 0, 0);
        Assert.Equal(new DateOnly(2026, 11, 27), Understand("el viernes", now: friday).Date);
        Assert.Equal(new DateOnly(2026, 11, 27), Understand("el próximo viernes", now: friday).Date);
        Assert.Equal(new DateOnly(2026, 11, 20), Understand("hoy", now: friday).Date);
        Assert.Equal(new DateOnly(2026, 11, 23), Understand("la semana que viene", now: friday).Date);
    }

    [Fact]
    public void Understand_NextWeekOnAMonday_IsTheMondayAfter() =>
        Assert.Equal(new DateOnly(2026, 11, 30), Understand("la semana que viene", now: new DateTime(2026, 11, 23, 9, 0, 0)).Date);

    [Fact]
    public void Understand_AcrossTheYearEnd_RollsOver()
    {
        var newYearsEve = new DateTime(2026, 12, 31, 18, 0, 0);
        Assert.Equal(new DateOnly(2027, 1, 1), Understand("mañana", now: newYearsEve).Date);
        Assert.Equal(new DateOnly(2027, 1, 5), Understand("el 5", now: newYearsEve).Date);
        Assert.Equal(new DateOnly(2027, 1, 4), Understand("el lunes", now: newYearsEve).Date);
        Assert.Equal(new DateOnly(2027, 2, 28), Understand("28/02", now: newYearsEve).Date);
    }

    [Fact]
    public void Understand_DayThatThisMonthLacks_TakesTheNextMonthWithIt() =>
        Assert.Equal(new DateOnly(2027, 3, 30), Understand("el 30", now: new DateTime(2027, 2, 10, 9, 0, 0)).Date);

    [Fact]
    public void Understand_BareNumberWhenTheDayWasAsked_IsADayOfTheMonth()
    {
        Assert.Equal(new DateOnly(2026, 11, 20), Understand("20", Expectation.Date).Date);
        Assert.Null(Understand("20").Date);
    }
}
