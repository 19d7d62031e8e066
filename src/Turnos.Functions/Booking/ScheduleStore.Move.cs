using Turnos.Core.Booking;

namespace Turnos.Functions.Booking;

/// <summary>
/// Moving an appointment or a visit: the replacement takes, in one transaction, every row of its time that the old one
/// does not already hold; the rows both hold stay the old one's until the move is committed, then pass to the
/// replacement while the old one's other rows are released (<see cref="ReleaseLeftAsync"/>), again in one transaction.
/// So a move onto part of its own time works, and a process that dies half-way leaves nothing inconsistent: before the
/// commit the old appointment still holds all it held (the replacement's own rows are swept as orphans), after it the
/// sweep finishes the hand-over of a rescheduled appointment.
/// </summary>
public sealed partial class ScheduleStore
{
    /// <summary>Takes the replacement's time; false when part of it is held by another appointment (nothing taken then).</summary>
    public async Task<bool> TryMoveAsync(Appointment old, Appointment replacement, CancellationToken ct)
    {
        var rows = HoldRows(replacement);
        if (Partition(old) == Partition(replacement))
        {
            // What the old one holds as stored, not as computed: a row it does not hold must be taken, not assumed ours.
            var mine = (await OwnedAsync(Partition(old), old.Id, ct)).Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            rows = [.. rows.Where(r => !mine.Contains(r.RowKey))];
        }
        return await TryAddAsync(replacement.Id, rows, ct);
    }

    /// <summary>Undoes a move that will not be committed: the replacement holds only what it took, which is released.</summary>
    public Task UndoMoveAsync(Appointment old, Appointment replacement, CancellationToken ct) => ReleaseAsync(replacement, ct);

    /// <summary>After a committed move: the rows the old appointment holds that the replacement needs become the
    /// replacement's, the others are released. Safe to repeat.</summary>
    public Task ReleaseLeftAsync(Appointment old, Appointment replacement, CancellationToken ct)
    {
        var handOver = Partition(old) == Partition(replacement)
            ? HoldRows(replacement).ToDictionary(r => r.RowKey, StringComparer.Ordinal)
            : null;
        return SettleAsync(Partition(old), old.Id, handOver, ct);
    }
}
