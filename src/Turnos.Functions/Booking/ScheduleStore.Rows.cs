using Azure.Data.Tables;
using Turnos.Core.Booking;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Functions.Booking;

public sealed partial class ScheduleStore
{
    /// <summary>
    /// The rows an appointment holds, all in its work day's partition, summaries first. A professional's back-to-back
    /// services are one run held with the business's buffers around it; each run has a summary row (a professional's
    /// first is "a|{professional}|{id}", a later one "…#2") and each professional one lock row per granule, each once.
    /// </summary>
    /// <remarks>How many: a plain appointment or a one-professional visit holds at most
    /// <see cref="CatalogValidator.MaxHeldMinutes"/> (495 = 99 granules) with its buffers, so 99 locks and a summary: exactly
    /// <see cref="MaxRows"/>. A visit split into k runs (at most <see cref="BookingService.MaxVisitServices"/>) adds k − 1
    /// summaries and the buffers of k − 1 more runs, which only visits near that limit make exceed the transaction; those
    /// are refused as too long (<see cref="Fits"/>), so every hold is one transaction.</remarks>
    internal static List<TableEntity> HoldRows(Appointment a)
    {
        var partition = Partition(a);
        var summaries = new List<TableEntity>();
        var locks = new SortedSet<string>(StringComparer.Ordinal);
        var runsOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in Runs(a.Visit))
        {
            var n = runsOf[run.ProfessionalId] = runsOf.GetValueOrDefault(run.ProfessionalId) + 1;
            var (from, until) = (run.StartUtc.AddMinutes(-a.BufferBeforeMinutes), run.EndUtc.AddMinutes(a.BufferAfterMinutes));
            summaries.Add(new TableEntity(partition, SummaryKey(run.ProfessionalId, a.Id + (n == 1 ? "" : $"#{n}")))
            {
                ["AppointmentId"] = a.Id,
                ["HeldFromUtc"] = from,
                ["HeldUntilUtc"] = until,
                ["ServiceId"] = run.ServiceId,
                // When the hold was taken (the app's clock): an appointment that never got committed is swept after a while.
                ["TakenUtc"] = a.UpdatedUtc,
            });
            locks.UnionWith(SlotLocks.Granules(from, until).Select(g => LockKey(run.ProfessionalId, SlotLocks.RowKey(g))));
        }
        return [.. summaries, .. locks.Select(rk => new TableEntity(partition, rk) { ["AppointmentId"] = a.Id })];
    }

    /// <summary>Whether the appointment's rows fit in one transaction (see <see cref="HoldRows"/>).</summary>
    public static bool Fits(Appointment a) => HoldRows(a).Count <= MaxRows;

    private static string SummaryKey(string professionalId, string rest) => $"{SummaryPrefix}{professionalId}|{rest}";

    private static string LockKey(string professionalId, string granule) => $"{LockPrefix}{professionalId}|{granule}";

    /// <summary>Consecutive segments of one professional merged: buffers go around what they do in one go.</summary>
    private static List<VisitSegment> Runs(IReadOnlyList<VisitSegment> visit)
    {
        var runs = new List<VisitSegment>();
        foreach (var s in visit)
        {
            if (runs is [.., var last] && last.ProfessionalId == s.ProfessionalId && last.EndUtc == s.StartUtc)
                runs[^1] = last with { EndUtc = s.EndUtc };
            else runs.Add(s);
        }
        return runs;
    }
}
