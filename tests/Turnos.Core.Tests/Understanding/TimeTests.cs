using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Times of day and the windows that narrow a search, against the demo salon's hours (Mon–Fri 09–19, Sat 09–13).</summary>
public class TimeTests
{
    public static TheoryData<string, string> Times => Table(
        ("a las 3pm", "15:00"), ("3pm", "15:00"), ("3 pm", "15:00"), ("3 p.m.", "15:00"), ("10am", "10:00"), ("10 a.m.", "10:00"),
        ("15hs", "15:00"), ("15 hs", "15:00"), ("15h", "15:00"), ("15 horas", "15:00"), ("a las 15", "15:00"), ("15:30", "15:30"),
        ("15.30", "15:30"), ("a las 15:30hs", "15:30"), ("1530hs", "15:30"), ("09:00", "09:00"), ("a las 9:45", "09:45"),
        ("3 de la tarde", "15:00"), ("a las 3 de la tarde", "15:00"), ("10 de la mañana", "10:00"), ("8 de la noche", "20:00"),
        ("1 del mediodía", "13:00"), ("12 del mediodía", "12:00"), ("mediodía", "12:00"), ("al mediodia", "12:00"),
        ("a las 12", "12:00"), ("a las 12 de la noche", "00:00"), ("medianoche", "00:00"),
        ("9 y media", "09:30"), ("a las 9 y media", "09:30"), ("9 y cuarto", "09:15"), ("a las 10 y 15", "10:15"),
        ("a las diez y veinte", "10:20"), ("4 menos cuarto", "15:45"), ("a las 11 menos cuarto", "10:45"), ("a las 5 menos 10", "16:50"),
        ("a las cinco y media", "17:30"), ("tres de la tarde", "15:00"), ("a la una", "13:00"), ("a la una y media", "13:30"),
        ("las 2 y cuarto", "14:15"), ("tipo 5", "17:00"), ("tipo a las 6", "18:00"), ("a eso de las 6", "18:00"), ("como a las 4", "16:00"),
        ("a las 10 en punto", "10:00"), ("el de las 10", "10:00"), ("mañana 10", "10:00"), ("mañana 3", "15:00"),
        ("a las 4 a la tarde", "16:00"), ("a las 3 por la tarde", "15:00"), ("a las 8 a la noche", "20:00"), ("a las 10 y media de la mañana", "10:30"));

    [Theory, MemberData(nameof(Times))]
    public void Understand_TimeExpression_IsTheTime(string text, string time) =>
        Check(Understand(text), $"time={time}|range=null", strict: false, text);

    // The demo salon opens 09–19: the reading inside those hours wins, else 1–7 is afternoon and 8–11 morning.
    public static TheoryData<string, string> AgainstHours => Table(
        ("a las 10", "10:00"), ("a las 3", "15:00"), ("a las 9", "09:00"), ("a las 1", "13:00"), ("a las 2", "14:00"),
        ("a las 4", "16:00"), ("a las 5", "17:00"), ("a las 6", "18:00"), ("a las 11", "11:00"), ("a las 7", "19:00"),
        ("a las 8", "08:00"), ("las 3", "15:00"), ("a las tres", "15:00"), ("a las dos y media", "14:30"),
        ("el sábado a las 10", "10:00"), ("el sábado a las 12", "12:00"));

    [Theory, MemberData(nameof(AgainstHours))]
    public void Understand_HourWithoutAmOrPm_IsReadAgainstBusinessHours(string text, string time) =>
        Check(Understand(text), $"time={time}", strict: false, text);

    [Fact]
    public void Understand_HourWithoutAmOrPm_FollowsEachBusinessAndDay()
    {
        // Open 14–22: "a las 9" can only be 21:00; "a las 3" 15:00.
        var evenings = Build(Hours(("monday", "14:00-22:00"), ("tuesday", "14:00-22:00"), ("wednesday", "14:00-22:00"),
            ("thursday", "14:00-22:00"), ("friday", "14:00-22:00")));
        Assert.Equal(new TimeOnly(21, 0), Understand("a las 9", business: evenings).Time);
        Assert.Equal(new TimeOnly(15, 0), Understand("mañana a las 3", business: evenings).Time);
        // Open 05–10 on Thursday only: "a las 5" is in the morning although 1–7 usually means the afternoon.
        var early = Build(Hours(("thursday", "05:00-10:00")));
        Assert.Equal(new TimeOnly(5, 0), Understand("mañana a las 5", business: early).Time);
        // Open both 08:00 and 20:00: today at 10:15, 8 in the morning is past, so 20:00.
        var allDay = Build(Hours(("wednesday", "07:00-22:00")));
        Assert.Equal(new TimeOnly(20, 0), Understand("hoy a las 8", business: allDay).Time);
        Assert.Equal(new TimeOnly(9, 0), Understand("hoy a las 9", business: allDay, now: new DateTime(2026, 11, 18, 7, 0, 0)).Time);
    }

    public static TheoryData<string, string> Ranges => Table(
        ("a la tarde", "13:00-20:00"), ("por la tarde", "13:00-20:00"), ("en la tarde", "13:00-20:00"), ("de tarde", "13:00-20:00"),
        ("mañana a la tarde", "13:00-20:00"), ("viernes tarde", "13:00-20:00"), ("a la mañana", "06:00-12:00"),
        ("por la mañana", "06:00-12:00"), ("mañana por la mañana", "06:00-12:00"), ("a la noche", "19:00-23:59"),
        ("de noche", "19:00-23:59"), ("hoy a la noche", "19:00-23:59"), ("temprano", "06:00-10:00"), ("mañana temprano", "06:00-10:00"),
        ("bien temprano", "06:00-10:00"), ("a primera hora", "06:00-10:00"), ("a la tardecita", "13:00-20:00"),
        ("después de las 5", "17:00-23:59"), ("despues de las 17", "17:00-23:59"), ("a partir de las 4", "16:00-23:59"),
        ("desde las 10", "10:00-23:59"), ("después del mediodía", "12:00-23:59"), ("antes de las 11", "00:00-11:00"),
        ("antes de las 3", "00:00-15:00"), ("hasta las 12", "00:00-12:00"), ("antes del mediodía", "00:00-12:00"),
        ("entre las 10 y las 12", "10:00-12:00"), ("entre 10 y 12", "10:00-12:00"), ("de 10 a 12", "10:00-12:00"),
        ("de 3 a 5", "15:00-17:00"), ("de 3 a 5 de la tarde", "15:00-17:00"), ("desde las 9 hasta las 11", "09:00-11:00"),
        ("10-12hs", "10:00-12:00"), ("de 10-12", "10:00-12:00"), ("entre las 11 y las 2", "11:00-14:00"),
        ("después de las 10 y antes de las 12", "10:00-12:00"));

    [Theory, MemberData(nameof(Ranges))]
    public void Understand_WindowExpression_IsTheRange(string text, string range) =>
        Check(Understand(text), $"range={range}|time=null", strict: false, text);

    public static TheoryData<string, string> NotTimes => Table(
        ("somos 2 personas", "time=null|range=null"), ("en 2 horas", "time=null"), ("dentro de 2 horas", "time=null"),
        ("dura 2 horas?", "time=null"), ("cuesta 5000?", "time=null"), ("sale $5.500", "time=null"), ("mi cel 1155551234", "time=null"),
        ("llego tarde", "range=null|time=null"), ("buenas tardes", "range=null"), ("buenas noches", "range=null"),
        ("el 15", "time=null"), ("15/12", "time=null"), ("15 de diciembre", "time=null"), ("la 2", "time=null"),
        ("hasta 3 personas", "range=null|time=null"), ("tengo 3 hijos", "time=null"), ("un turno", "time=null"));

    [Theory, MemberData(nameof(NotTimes))]
    public void Understand_NumbersThatAreNotTimes_NoTime(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    [Fact]
    public void Understand_BareNumberWhenTheTimeWasAsked_IsAnHour()
    {
        Assert.Equal(new TimeOnly(10, 0), Understand("10", Expectation.Time).Time);
        Assert.Equal(new TimeOnly(15, 0), Understand("3", Expectation.Time).Time);
        Assert.Equal(new TimeOnly(17, 0), Understand("17", Expectation.Time).Time);
        Assert.Null(Understand("10").Time);
    }

    [Fact]
    public void Understand_TimeAndWindow_TimeWins() =>
        Check(Understand("mañana a la tarde a las 4"), "date=2026-11-19|time=16:00|range=null", strict: false, "");
}
