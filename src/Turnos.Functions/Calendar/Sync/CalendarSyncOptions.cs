using System.ComponentModel.DataAnnotations;

namespace Turnos.Functions.Calendar;

/// <summary>How long the calendar orchestration keeps trying Google before it lists a change as failed.</summary>
public sealed class CalendarSyncOptions
{
    public const string Section = "Calendar";

    /// <summary>The longest wait between two tries: a Google outage rarely outlasts it, and the invite should not be later.</summary>
    public static readonly TimeSpan MaxRetryWait = TimeSpan.FromHours(2);

    /// <summary>Tries of the Google call (transient failures only; a refusal is final at once). With the defaults about
    /// 8 hours pass before the last one.</summary>
    [Range(1, 20, ErrorMessage = "Calendar:SyncAttempts must be between 1 and 20.")]
    public int SyncAttempts { get; set; } = 12;

    /// <summary>The wait before the first retry; each later wait doubles it, up to <see cref="MaxRetryWait"/>.</summary>
    [Range(0.01, 3600, ErrorMessage = "Calendar:SyncFirstRetrySeconds must be between 0.01 and 3600.")]
    public double SyncFirstRetrySeconds { get; set; } = 30;
}
