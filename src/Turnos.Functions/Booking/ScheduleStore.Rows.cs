using Azure.Data.Tables;
using Turnos.Core.Booking;

namespace Turnos.Functions.Booking;

public sealed partial class ScheduleStore
{
    /// <summary>
    /// The rows an appointment holds, one list per partition in the order the visit reaches it. A professional's
    /// back-to-back services are one run held with the business's buffers around it; each run has a summary row (the
    /// first of a partition is "a|{id}", as for a plain appointment, so older rows read the same) and one lock row per
    /// granule, each granule once.
    /// </summary>
    internal static List<List<TableEntity>> HoldRows(Appointment a)
    {
        var partitions = new List<List<TableEntity>>();
        foreach (var mine in Runs(a.Visit).GroupBy(r => r.ProfessionalId))
        {
            var partition = Partition(a.BusinessId, mine.Key, a.WorkDay);
            var rows = new List<TableEntity>();
            var locks = new SortedSet<string>(StringComparer.Ordinal);
            var n = 0;
            foreach (var run in mine)
            {
                var (from, until) = (run.StartUtc.AddMinutes(-a.BufferBeforeMinutes), run.EndUtc.AddMinutes(a.BufferAfterMinutes));
                rows.Add(new TableEntity(partition, SummaryPrefix + a.Id + (n++ == 0 ? "" : $"#{n}"))
                {
                    ["AppointmentId"] = a.Id,
                    ["HeldFromUtc"] = from,
                    ["HeldUntilUtc"] = until,
                    ["ServiceId"] = run.ServiceId,
                });
                locks.UnionWith(SlotLocks.Granules(from, until).Select(g => LockPrefix + SlotLocks.RowKey(g)));
            }
            rows.AddRange(locks.Select(rk => new TableEntity(partition, rk) { ["AppointmentId"] = a.Id }));
            partitions.Add(rows);
        }
        return partitions;
    }

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
