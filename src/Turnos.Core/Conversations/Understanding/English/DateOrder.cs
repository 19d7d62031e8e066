using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// How an English numeric date ("9/12") is read. Rule: month/day when the business's time zone is a United States
/// zone (the zones of the 50 states and Puerto Rico, and the legacy "US/…" names), day/month everywhere else — a
/// salon in London, Madrid or Buenos Aires gets "9/12" as 9 December; one in New York as September 12. Either way a
/// first number above 12 can only be a day ("25/12" is 25 December in New York too). Spanish is always day/month.
/// </summary>
public static class DateOrder
{
    private static readonly HashSet<string> UnitedStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix", "America/Anchorage",
        "Pacific/Honolulu", "America/Honolulu", "America/Detroit", "America/Boise", "America/Juneau", "America/Sitka",
        "America/Nome", "America/Yakutat", "America/Metlakatla", "America/Adak", "America/Menominee", "America/Puerto_Rico",
        "America/Indianapolis", "America/Louisville", "America/Fort_Wayne", "Navajo", "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT",
    };

    /// <summary>Whether "9/12" is month first for this time zone.</summary>
    public static bool MonthFirst(string timeZoneId) =>
        UnitedStates.Contains(timeZoneId)
        || timeZoneId.StartsWith("US/", StringComparison.OrdinalIgnoreCase)
        || timeZoneId.StartsWith("America/Indiana/", StringComparison.OrdinalIgnoreCase)
        || timeZoneId.StartsWith("America/Kentucky/", StringComparison.OrdinalIgnoreCase)
        || timeZoneId.StartsWith("America/North_Dakota/", StringComparison.OrdinalIgnoreCase);

    public static bool MonthFirst(Business business) => MonthFirst(business.TimeZoneId);
}
