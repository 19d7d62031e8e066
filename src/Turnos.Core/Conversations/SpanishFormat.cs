using System.Globalization;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>How dates, times and prices read in replies. Own tables, so output never depends on the
/// machine's culture data.</summary>
public static class SpanishFormat
{
    private static readonly string[] Days = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];
    private static readonly string[] Months =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    public static string DayName(DayOfWeek day) => Days[(int)day];

    /// <summary>"martes 24/11".</summary>
    public static string Day(DateOnly date) => $"{Days[(int)date.DayOfWeek]} {date.Day}/{date.Month}";

    /// <summary>"hoy", "mañana" or "martes 24/11".</summary>
    public static string RelativeDay(DateOnly date, DateOnly today) =>
        date == today ? $"hoy ({Day(date)})" : date == today.AddDays(1) ? $"mañana ({Day(date)})" : Day(date);

    /// <summary>"para hoy (…)", "para mañana (…)" or "para el martes 24/11".</summary>
    public static string ForDay(DateOnly date, DateOnly today) =>
        date == today || date == today.AddDays(1) ? $"para {RelativeDay(date, today)}" : $"para el {Day(date)}";

    /// <summary>"martes 24 de noviembre".</summary>
    public static string LongDay(DateOnly date) => $"{Days[(int)date.DayOfWeek]} {date.Day} de {Months[date.Month - 1]}";

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Price(decimal amount, string currency)
    {
        var digits = amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00",
            new NumberFormatInfo { NumberGroupSeparator = ".", NumberDecimalSeparator = "," });
        return WithCurrency(digits, currency);
    }

    /// <summary>"$5.000", "S/ 350", "40 EUR": the amount, already written in the reply's language, with its currency.</summary>
    public static string WithCurrency(string digits, string currency) =>
        currency is "ARS" or "CLP" or "MXN" or "COP" or "UYU" or "USD" ? $"${digits}" : currency == "PEN" ? $"S/ {digits}" : $"{digits} {currency}";

    /// <summary>The text with its first letter upper case ("mañana…" → "Mañana…").</summary>
    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Minutes(int minutes) =>
        minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";

    /// <summary>"Corte de cabello, Coloración y Manicura".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} y {all[^1]}";
    }

    public static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    public static DateTime Local(DateTimeOffset utc, TimeZoneInfo zone) => LocalTime.ToLocal(utc, zone);
}
