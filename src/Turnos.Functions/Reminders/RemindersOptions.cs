using System.ComponentModel.DataAnnotations;

namespace Turnos.Functions.Reminders;

/// <summary>How hard a due reminder is tried. Unlike a reply nobody is waiting on it, so its retries wait longer and can
/// ride out a few minutes of Twilio trouble (the defaults span about five minutes); it is still sent only once.</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    [Range(1, 10, ErrorMessage = "Reminders:SendAttempts must be between 1 and 10.")]
    public int SendAttempts { get; set; } = 6;

    /// <summary>The wait before a send's first retry; each later wait doubles it.</summary>
    [Range(0.01, 300, ErrorMessage = "Reminders:SendFirstRetrySeconds must be between 0.01 and 300.")]
    public double SendFirstRetrySeconds { get; set; } = 10;
}
