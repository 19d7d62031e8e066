using System.Globalization;

namespace Turnos.Core.Conversations;

/// <summary>How dates, times and prices read in English replies: "Tuesday, December 8 at 4:00 PM", "$5,000". Own
/// tables, so output never depends on the machine's culture data.</summary>
public static class EnglishFormat
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string DayName(DayOfWeek day) => Days[(int)day];

    /// <summary>"Tuesday, December 8".</summary>
    public static string Day(DateOnly date) => $"{Days[(int)date.DayOfWeek]}, {Months[date.Month - 1]} {date.Day}";

    /// <summary>"today (Tuesday, December 8)", "tomorrow (…)" or "Tuesday, December 8".</summary>
    public static string RelativeDay(DateOnly date, DateOnly today) =>
        date == today ? $"today ({Day(date)})" : date == today.AddDays(1) ? $"tomorrow ({Day(date)})" : Day(date);

    /// <summary>"today", "tomorrow" or "on Tuesday, December 8".</summary>
    public static string OnDay(DateOnly date, DateOnly today) =>
        date == today ? "today" : date == today.AddDays(1) ? "tomorrow" : $"on {Day(date)}";

    /// <summary>"4:00 PM", "12:30 PM", "12:00 AM".</summary>
    public static string Time(TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        return $"{hour}:{time.Minute:00} {(time.Hour < 12 ? "AM" : "PM")}";
    }

    /// <summary>A minute of the day (or past midnight, for overnight hours) as a time.</summary>
    public static string Clock(int minute) => Time(new TimeOnly(minute % 1440 / 60, minute % 60));

    public static string Price(decimal amount, string currency)
    {
        var digits = amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00",
            new NumberFormatInfo { NumberGroupSeparator = ",", NumberDecimalSeparator = "." });
        return SpanishFormat.WithCurrency(digits, currency);
    }

    public static string Minutes(int minutes) =>
        minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";

    /// <summary>"Haircut, Color and Manicure".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }
}
