using System.Globalization;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>
/// Days and times as customers write them (issue 11), in Argentine (voseo), Mexican, Chilean and Spanish ways.
/// "Now" is Wednesday 2026-11-18 10:15 unless a row names another moment.
/// </summary>
public class EverydayDateTests
{
    private const string Wed = "2026-11-18 10:15", Thu = "2026-11-19 10:15", Fri = "2026-11-20 09:00", Sat = "2026-11-21 09:00";

    public static TheoryData<string, string, string> ThisOrNext => new()
    {
        // "este/esta <día>": the nearest on or after today (today counts).
        { Thu, "este sábado a las 10", "date=2026-11-21|time=10:00" },                 // AR
        { Thu, "quiero turno este jueves a las 5", "date=2026-11-19|time=17:00" },     // AR
        { Wed, "quiero una cita este miércoles en la tarde", "date=2026-11-18" },      // MX
        { Fri, "¿me puedes dar hora este viernes a las 4?", "date=2026-11-20|time=16:00" }, // CL
        { Thu, "este sábado por la mañana", "date=2026-11-21|range=06:00-12:00" },     // ES
        { Sat, "este finde", "date=2026-11-21" },                                       // AR
        { Wed, "esta semana el viernes", "date=2026-11-20" },                           // ES
        // A bare weekday is strictly after today.
        { Thu, "el jueves a las 10", "date=2026-11-26|time=10:00" },                    // AR
        { Sat, "el sábado", "date=2026-11-28" },                                        // MX
        { Wed, "para el miércoles", "date=2026-11-25" },                                // CL
        { Fri, "el próximo viernes", "date=2026-11-27" },                               // ES
        // Daylight-saving day in Madrid (2027-03-28): dates are local, so today is still today.
        { "2027-03-28 01:30", "este domingo", "date=2027-03-28" },
        { "2027-03-28 03:30", "el domingo", "date=2027-04-04" },
    };

    [Theory, MemberData(nameof(ThisOrNext))]
    public void Understand_ThisWeekdayOrBareWeekday_IsTheRightOne(string now, string text, string spec) =>
        Check(Understand(text, now: At(now)), spec, strict: false, text);

    public static TheoryData<string, string> Typos => Table(
        ("el miercole a las 10", "book|date=2026-11-25|time=10:00"), ("juevs a las 4", "book|date=2026-11-19|time=16:00"), // AR, MX
        ("el lune", "book|date=2026-11-23"), ("martez a la tarde", "book|date=2026-11-24|range=13:00-20:00"),           // CL, AR
        ("el sabdo temprano", "book|date=2026-11-21|range=06:00-10:00"), ("el vienes a las 11", "book|date=2026-11-20|time=11:00"), // ES, MX
        ("el mierkoles por la tarde", "date=2026-11-25"), ("el juebes", "date=2026-11-19"), ("domigo", "date=2026-11-22"),
        ("el viernse", "date=2026-11-20"),
        // Known words and other words near a weekday are not weekdays.
        ("las uñas", "date=null"), ("mates", "date=null"), ("sabes", "date=null"), ("martina", "date=null"));

    [Theory, MemberData(nameof(Typos))]
    public void Understand_WeekdayWithOneTypo_IsThatWeekday(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> Spans => Table(
        ("en 15 días", "date=2026-12-03"), ("dentro de 10 días a la mañana", "date=2026-11-28|range=06:00-12:00"),   // AR
        ("dentro de tres semanas", "date=2026-12-09"), ("en veinte días", "date=2026-12-08"),                        // MX
        ("en un mes", "date=2026-12-18"), ("dentro de 2 meses", "date=2027-01-18"), ("en una semana", "date=2026-11-25"), // CL
        ("de hoy en ocho", "date=2026-11-25"), ("de hoy en quince días a las 10", "date=2026-12-02|time=10:00"),    // ES
        ("hoy en ocho", "date=2026-11-25"), ("dentro de un mes y medio", "date=2027-01-02"), ("en una semana y media", "date=2026-11-28"), ("en 2 horas", "date=null"), ("en 13 meses", "date=null"));

    [Theory, MemberData(nameof(Spans))]
    public void Understand_RelativeSpan_IsThatManyDaysAhead(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string, string> DateThenMeridiem => new()
    {
        { "none", "el martes 9 de marzo a las 9 am", "date=2027-03-09|time=09:00" },   // MX
        { "choice", "el martes 9 de marzo a las 9 am", "date=2027-03-09|time=09:00|choice=null" },
        { "none", "pasado mañana 4 pm", "date=2026-11-20|time=16:00" },                // AR
        { "name", "pasado mañana 4 pm", "date=2026-11-20|time=16:00|name=null" },
        { "none", "el viernes 20 7 pm", "date=2026-11-20|time=19:00" },                // CL
        { "date", "el 25 de noviembre 3 p.m.", "date=2026-11-25|time=15:00" },         // ES
        { "none", "el lunes 23 11 a.m.", "date=2026-11-23|time=11:00" },               // MX
        { "choice", "mañana 10am", "date=2026-11-19|time=10:00" },                     // AR
    };

    [Theory, MemberData(nameof(DateThenMeridiem))]
    public void Understand_DateThenClockWithMeridiem_KeepsTheMeridiem(string expecting, string text, string spec) =>
        Check(Understand(text, Enum.Parse<Expectation>(expecting, ignoreCase: true)), spec, strict: false, text);

    public static TheoryData<string, string> RuledOut => Table(
        ("el lunes no puedo, el martes sí a las 10", "date=2026-11-24|time=10:00"), ("hoy imposible, mañana a las 6", "date=2026-11-19|time=18:00"), // AR
        ("mañana no puedo, el viernes a las 12", "date=2026-11-20|time=12:00"), ("el sábado ni modo, ¿el lunes a las 5?", "date=2026-11-23|time=17:00"), // MX
        ("el lunes no alcanzo, el martes a las 4 sí", "date=2026-11-24|time=16:00"), ("hoy no llego, pasado mañana a la tarde", "date=2026-11-20"), // CL
        ("el viernes no me viene bien, mejor el sábado a las 11", "date=2026-11-21|time=11:00"), ("no el jueves sino el viernes", "date=2026-11-20"), // ES
        ("ni el lunes ni el martes, el miércoles", "date=2026-11-25"), ("mañana no, pasado", "date=2026-11-20"),
        ("el jueves imposible. el viernes?", "date=2026-11-20"), ("hoy no puedo pero mañana si, a las 4", "date=2026-11-19|time=16:00"),
        // "pasado" alone is the day after tomorrow, but not "el lunes pasado".
        ("para pasado a las 10", "date=2026-11-20|time=10:00"), ("el lunes pasado no pude ir", "date=2026-11-23"),
        // One day only, even ruled out, is still the day being talked about.
        ("el viernes no puedo", "date=2026-11-20"), ("¿no tienen nada el lunes?", "date=2026-11-23"));

    [Theory, MemberData(nameof(RuledOut))]
    public void Understand_DayRuledOut_IsNotTheDate(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> Moves => Table(
        ("pasame el turno del lunes al miércoles a las 5", "reschedule|from=2026-11-23|date=2026-11-25|time=17:00"),   // AR
        ("cambio lo del martes para el jueves", "reschedule|from=2026-11-24|date=2026-11-19"),                         // AR
        ("mové mi turno de mañana a pasado mañana", "reschedule|from=2026-11-19|date=2026-11-20"),                     // AR
        ("¿me puede cambiar la cita del viernes para el lunes a las 11?", "reschedule|from=2026-11-20|date=2026-11-23|time=11:00"), // MX
        ("¿puedo cambiar la hora del sábado para el martes?", "reschedule|from=2026-11-21|date=2026-11-24"),          // CL
        ("quería mover la cita del jueves al viernes por la tarde", "reschedule|from=2026-11-19|date=2026-11-20|range=13:00-20:00"), // ES
        ("quiero cambiar el turno del 20 al 25", "reschedule|from=2026-11-20|date=2026-11-25"),
        // Any form of a moving verb with an appointment word.
        ("me cambias el turno de hoy para mañana", "reschedule|from=2026-11-18|date=2026-11-19"),
        ("quiero pasar la cita del lunes para el viernes a las 6", "reschedule|from=2026-11-23|date=2026-11-20|time=18:00"),
        ("podés mover lo del jueves al sábado?", "reschedule|from=2026-11-19|date=2026-11-21"),
        // Only the source: the new day is still to be asked.
        ("quiero cambiar el turno de mañana", "reschedule|from=2026-11-19|date=null"),
        // No move: a single day is the target, as before.
        ("quiero pasar el turno para el lunes", "reschedule|from=null|date=2026-11-23"),
        ("¿tienen lugar del lunes al miércoles?", "availability|from=null|date=2026-11-23"));

    [Theory, MemberData(nameof(Moves))]
    public void Understand_MoveNamingBothDays_TargetIsTheDateAndSourceIsFrom(string text, string spec) =>
        Check(Understand(text), spec, strict: false, text);

    private static DateTime At(string local) => DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
