using System.Globalization;
using System.Text.RegularExpressions;
using NCrontab;

namespace Turnos.LocalHost;

/// <summary>
/// A timer trigger's schedule, read as the Functions timer extension reads it: <c>%Setting%</c> names resolved from
/// configuration, then a six-field NCRONTAB expression (seconds first) or a constant interval such as "00:05:00".
/// Occurrences are computed in UTC, the Functions default when no WEBSITE_TIME_ZONE is set.
/// </summary>
sealed partial class TimerSchedule
{
    readonly CrontabSchedule? cron;
    readonly TimeSpan interval;

    TimerSchedule(CrontabSchedule? cron, TimeSpan interval) => (this.cron, this.interval) = (cron, interval);

    public static TimerSchedule Parse(string functionName, string schedule, IConfiguration configuration)
    {
        var resolved = Setting().Replace(schedule, m => configuration[m.Groups[1].Value]
            ?? throw new InvalidOperationException($"Timer function '{functionName}': setting '{m.Groups[1].Value}' named by its schedule is not configured."));
        if (CrontabSchedule.TryParse(resolved, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is { } cron)
            return new TimerSchedule(cron, default);
        if (TimeSpan.TryParse(resolved, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
            return new TimerSchedule(null, interval);
        throw new InvalidOperationException(
            $"Timer function '{functionName}': '{resolved}' is neither a six-field CRON expression (seconds first) nor a time span.");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTime Next(DateTime after) => cron?.GetNextOccurrence(after) ?? after + interval;

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Setting();
}
