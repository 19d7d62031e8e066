namespace Turnos.Core.Conversations;

/// <summary>The calendar rules behind <see cref="DateExpressions"/>: which concrete day a partial date means.</summary>
internal static class CalendarMath
{
    /// <summary>"el 15": this month's unless already past, else the next month that has that day.</summary>
    public static DateOnly? DayOfMonthFrom(DateOnly today, int day)
    {
        for (var ahead = 0; ahead < 3; ahead++)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(ahead);
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) is var d && d >= today) return d;
        }
        return null;
    }

    /// <summary>A day and month (and maybe year); without a year the next such date, today included. Null if impossible.</summary>
    public static DateOnly? Make(DateOnly today, int day, int month, int? year)
    {
        if (month is < 1 or > 12 || day < 1) return null;
        if (year is { } y) return y is >= 2000 and <= 2100 && day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        foreach (var candidate in new[] { today.Year, today.Year + 1 })
            if (day <= DateTime.DaysInMonth(candidate, month) && new DateOnly(candidate, month, day) is var d && d >= today) return d;
        return null;
    }

    /// <summary>The Monday after today (a week ahead when today is Monday).</summary>
    public static DateOnly NextMonday(DateOnly today)
    {
        var ahead = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }
}
