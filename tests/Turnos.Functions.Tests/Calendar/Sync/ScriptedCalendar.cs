using System.Collections.Concurrent;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Tests.Calendar.Sync;

/// <summary>A Google calendar whose answers the test sets, recording every call.</summary>
public sealed class ScriptedCalendar : IGoogleCalendar
{
    public ConcurrentQueue<CalendarEvent> Upserts { get; } = new();
    public ConcurrentQueue<string> Cancels { get; } = new();
    public int BusyCalls;

    public CalendarCallOutcome Answer { get; set; } = CalendarCallOutcome.Done;
    public TimeSpan Delay { get; set; }
    public List<CalendarBusy> BusinessBusy { get; } = [];

    public Task<BusyTimes?> GetBusyAsync(string businessId, IReadOnlyList<string> professionalCalendarIds,
        DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken ct)
    {
        Interlocked.Increment(ref BusyCalls);
        return Task.FromResult<BusyTimes?>(new BusyTimes([.. BusinessBusy], new Dictionary<string, IReadOnlyList<CalendarBusy>>()));
    }

    public async Task<CalendarCallResult> UpsertEventAsync(string businessId, CalendarEvent calendarEvent, CancellationToken ct)
    {
        await Task.Delay(Delay, ct);
        Upserts.Enqueue(calendarEvent);
        return new CalendarCallResult(Answer, Answer == CalendarCallOutcome.Done ? null : "scripted");
    }

    public async Task<CalendarCallResult> CancelEventAsync(string businessId, string eventId, CancellationToken ct)
    {
        await Task.Delay(Delay, ct);
        Cancels.Enqueue(eventId);
        return new CalendarCallResult(Answer);
    }
}
