using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Calendar;

/// <summary>
/// The calendar orchestration's I/O. Inputs and outputs are ids, an ETag and outcomes as JSON text (see
/// <see cref="JsonActivityCalls"/>); Google's error texts stay on the outbox row, out of the orchestration's history.
/// </summary>
public sealed class CalendarSyncActivities(CalendarOutbox outbox, CalendarSync sync)
{
    public const string Sync = "CalendarSync";
    public const string Settle = "CalendarSettle";

    /// <summary>Makes the Google call for the appointment as it is now. A transient failure throws, so the orchestrator's
    /// retry policy tries again later.</summary>
    [Function(Sync)]
    public async Task<string> SyncAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var work = JsonActivityCalls.Read<CalendarWork>(input);
        // The row is read before the appointment: a change made after this read writes the row again, which settling sees.
        var intent = await outbox.FindAsync(work.BusinessId, work.AppointmentId, ct);
        // Nothing to do: settled, failed for good, or its change is still being made (its maker starts this work again).
        if (intent is not { Failed: false, Ready: true })
            return JsonActivityCalls.Write(new CalendarSynced(intent?.ETag.ToString(), Refused: false));
        var result = await sync.SyncAsync(work.BusinessId, work.AppointmentId, intent.RequestedUtc, ct);
        if (result.Outcome is CalendarCallOutcome.Done or CalendarCallOutcome.NotConnected)
            return JsonActivityCalls.Write(new CalendarSynced(intent.ETag.ToString(), Refused: false));
        var seen = await outbox.RecordErrorAsync(intent, result.Error, ct) ?? intent.ETag;
        if (result.Outcome == CalendarCallOutcome.Transient) throw new CalendarUnavailableException();
        return JsonActivityCalls.Write(new CalendarSynced(seen.ToString(), Refused: true));
    }

    /// <summary>Settles the outbox row; true when it was written again since the sync read it (sync again).</summary>
    [Function(Settle)]
    public async Task<string> SettleAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var s = JsonActivityCalls.Read<CalendarSettlement>(input);
        var intent = await outbox.FindAsync(s.Work.BusinessId, s.Work.AppointmentId, ct);
        var again = intent switch
        {
            null or { Failed: true } => false,
            // Giving up has no ETag to compare: the retries ran out whatever the row says.
            _ when s.Outcome != CalendarSettle.GaveUp && intent.ETag.ToString() != s.ETag => true,
            // The change is still being made; whoever makes it starts this work again (or the reconciliation does).
            { Ready: false } => false,
            _ when s.Outcome == CalendarSettle.Done => !await outbox.CompleteAsync(intent, ct),
            _ => !await outbox.FailAsync(intent, "Google Calendar did not answer through every retry.", ct),
        };
        return JsonActivityCalls.Write(again);
    }
}

/// <summary>Google was unavailable (429, 5xx, timeout, network); the message never carries Google's text.</summary>
public sealed class CalendarUnavailableException() : Exception("Google Calendar was unavailable; the change is retried.");
