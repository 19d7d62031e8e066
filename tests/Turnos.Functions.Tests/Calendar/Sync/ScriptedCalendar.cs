using System.Collections.Concurrent;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Tests.Calendar.Sync;

/// <summary>A Google calendar whose answers the test sets, recording every call.</summary>
public sealed class ScriptedCalendar : IGoogleCalendar
{
    public ConcurrentQueue<CalendarEvent> Upserts { get; } = new();
    public ConcurrentQueue<string> Cancels { get; } = new();
    public int BusyCalls;

    /// <summary>Event calls that have started (answered or not).</summary>
    public int EventCalls;

    /// <summary>The next this many event calls answer <see cref="CalendarCallOutcome.Transient"/>, then <see cref="Answer"/> applies.</summary>
    public int FailNext;

    public CalendarCallOutcome Answer { get; set; } = CalendarCallOutcome.Done;

    /// <summary>When set, event calls wait for it: Google hanging until the test lets it answer.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public List<CalendarBusy> BusinessBusy { get; } = [];

    public Task<BusyTimes?> GetBusyAsync(string businessId, IReadOnlyList<string> professionalCalendarIds,
        DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken ct)
    {
        Interlocked.Increment(ref BusyCalls);
        return Task.FromResult<BusyTimes?>(new BusyTimes([.. BusinessBusy], new Dictionary<string, IReadOnlyList<CalendarBusy>>()));
    }

    public async Task<CalendarCallResult> UpsertEventAsync(string businessId, CalendarEvent calendarEvent, CancellationToken ct)
    {
        var outcome = await EnterAsync(ct);
        Upserts.Enqueue(calendarEvent);
        return new CalendarCallResult(outcome, outcome == CalendarCallOutcome.Done ? null : "scripted");
    }

    public async Task<CalendarCallResult> CancelEventAsync(string businessId, string eventId, CancellationToken ct)
    {
        var outcome = await EnterAsync(ct);
        Cancels.Enqueue(eventId);
        return new CalendarCallResult(outcome, outcome == CalendarCallOutcome.Done ? null : "scripted");
    }

    private async Task<CalendarCallOutcome> EnterAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref EventCalls);
        if (Gate is { } gate) await gate.Task.WaitAsync(ct);
        return Interlocked.Decrement(ref FailNext) >= 0 ? CalendarCallOutcome.Transient : Answer;
    }
}
