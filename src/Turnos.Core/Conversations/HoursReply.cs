using Turnos.Core.Businesses;
using static Turnos.Core.Conversations.SpanishFormat;

namespace Turnos.Core.Conversations;

/// <summary>Opening hours as customers ask for them: one day (with its closures) or the week, from the professionals'
/// hours and the business-wide blocks; in Spanish or English.</summary>
internal static class HoursReply
{
    private const int ClosuresAhead = 30;

    public static string For(BusinessSnapshot s, DateOnly? date, DateOnly today, Language language = Language.Es)
    {
        var en = language == Language.En;
        if (date is { } d)
        {
            var on = en ? (d == today ? "Today" : d == today.AddDays(1) ? "Tomorrow" : $"On {EnglishFormat.Day(d)}")
                : d == today ? "Hoy" : d == today.AddDays(1) ? "Mañana" : $"El {Day(d)}";
            if (ClosedAllDay(s, d) is { } block) return en ? $"{on} we're closed{Reason(block)}. 🙏" : $"{on} no atendemos{Reason(block)}. 🙏";
            var ranges = Ranges(s, d.DayOfWeek);
            if (en) return ranges.Count == 0 ? $"We're closed on {EnglishFormat.DayName(d.DayOfWeek)}s." : $"{on} we're open {Text(ranges, en)}.";
            return ranges.Count == 0
                ? $"Los {Plural(DayName(d.DayOfWeek))} no atendemos."
                : $"{on} atendemos {Text(ranges, en)}.";
        }
        var byDay = new List<(string Hours, List<DayOfWeek> Days)>();
        foreach (var day in Week)
        {
            var hours = Text(Ranges(s, day), en);
            if (byDay.Count > 0 && byDay[^1].Hours == hours) byDay[^1].Days.Add(day);
            else byDay.Add((hours, [day]));
        }
        var open = byDay.Where(g => g.Hours.Length > 0).Select(g => $"{Days(g.Days, en)} {g.Hours}").ToList();
        var closed = byDay.Where(g => g.Hours.Length == 0).SelectMany(g => g.Days).ToList();
        if (en) return English(s, today, open, closed);
        var text = open.Count == 0 ? "Por ahora no tenemos horarios cargados." : $"Atendemos {List(open)}.";
        if (closed.Count > 0) text += $" Los {List(closed.Select(c => Plural(DayName(c))))} no atendemos.";
        var closures = Enumerable.Range(0, ClosuresAhead).Select(today.AddDays)
            .Select(x => (Day: x, Block: ClosedAllDay(s, x))).Where(x => x.Block is not null && Ranges(s, x.Day.DayOfWeek).Count > 0).Take(3).ToList();
        if (closures.Count > 0) text += $" Ojo: no atendemos el {List(closures.Select(c => Day(c.Day) + Reason(c.Block!)))}.";
        return text;
    }

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Everyone's ranges that day, overlapping ones merged.</summary>
    private static List<WorkingRange> Ranges(BusinessSnapshot s, DayOfWeek day)
    {
        var merged = new List<WorkingRange>();
        foreach (var r in s.Professionals.SelectMany(p => p.Hours.For(day)).OrderBy(r => r.StartMinute))
        {
            if (merged.Count > 0 && r.StartMinute <= merged[^1].EndMinute)
                merged[^1] = merged[^1] with { EndMinute = Math.Max(merged[^1].EndMinute, r.EndMinute) };
            else merged.Add(r);
        }
        return merged;
    }

    private static string Text(List<WorkingRange> ranges, bool en) =>
        ranges.Count == 0 ? "" : en
            ? EnglishFormat.List(ranges.Select(r => $"from {EnglishFormat.Clock(r.StartMinute)} to {EnglishFormat.Clock(r.EndMinute)}"))
            : List(ranges.Select(r => $"de {WorkingRange.Format(r.StartMinute)} a {WorkingRange.Format(r.EndMinute)}"));

    private static string English(BusinessSnapshot s, DateOnly today, List<string> open, List<DayOfWeek> closed)
    {
        var text = open.Count == 0 ? "We have no opening hours set yet." : $"We're open {EnglishFormat.List(open)}.";
        if (closed.Count > 0) text += $" We're closed on {EnglishFormat.List(closed.Select(c => EnglishFormat.DayName(c) + "s"))}.";
        var closures = Closures(s, today);
        if (closures.Count > 0) text += $" Note: we're closed on {EnglishFormat.List(closures.Select(c => EnglishFormat.Day(c.Day) + Reason(c.Block)))}.";
        return text;
    }

    private static List<(DateOnly Day, Block Block)> Closures(BusinessSnapshot s, DateOnly today) =>
        Enumerable.Range(0, ClosuresAhead).Select(today.AddDays).Select(x => (Day: x, Block: ClosedAllDay(s, x)))
            .Where(x => x.Block is not null && Ranges(s, x.Day.DayOfWeek).Count > 0).Take(3).Select(x => (x.Day, x.Block!)).ToList();

    /// <summary>A block for the whole business covering the whole day.</summary>
    private static Block? ClosedAllDay(BusinessSnapshot s, DateOnly day)
    {
        var zone = s.Business.TimeZone;
        var from = LocalTime.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var to = LocalTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        return s.Blocks.FirstOrDefault(b => b.ProfessionalId is null && b.StartUtc <= from && b.EndUtc >= to);
    }

    private static string Reason(Block b) => b.Reason is { Length: > 0 } r ? $" ({r})" : "";

    private static string Days(List<DayOfWeek> days, bool en) => en ? days.Count switch
    {
        1 => $"on {EnglishFormat.DayName(days[0])}s",
        2 => $"{EnglishFormat.DayName(days[0])} and {EnglishFormat.DayName(days[1])}",
        _ => $"{EnglishFormat.DayName(days[0])} to {EnglishFormat.DayName(days[^1])}",
    } : days.Count switch
    {
        1 => $"los {Plural(DayName(days[0]))}",
        2 => $"{DayName(days[0])} y {DayName(days[1])}",
        _ => $"de {DayName(days[0])} a {DayName(days[^1])}",
    };

    private static string Plural(string day) => day.EndsWith('s') ? day : day + "s";
}
