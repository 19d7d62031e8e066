using Turnos.Core.Availability;
using Turnos.Core.Businesses;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Calendar;

/// <summary>
/// Google busy times as the availability engine's busy intervals: the business calendar's hold every
/// professional, a professional's own calendar holds that professional. Kept briefly per business and
/// range, since every availability question and conversation turn asks; the booking step asks fresh.
/// </summary>
public sealed class GoogleBusyTimes(IGoogleCalendar calendar, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(60);

    /// <summary>The longest a customer waits for Google's busy times.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private readonly ShortCache<BusyTimes?> _cache = new(time, KeepFor);

    public async Task<IReadOnlyList<BusyInterval>> GetAsync(BusinessSnapshot snapshot, DateOnly fromDay, DateOnly untilDay,
        bool fresh, CancellationToken ct)
    {
        var zone = snapshot.Business.TimeZone;
        var from = LocalTime.ToUtc(fromDay.ToDateTime(TimeOnly.MinValue), zone);
        var until = LocalTime.ToUtc(untilDay.AddDays(2).ToDateTime(TimeOnly.MinValue), zone); // overnight ranges spill into the next day
        var calendars = snapshot.Professionals.Select(p => p.CalendarId).OfType<string>().Distinct().ToList();
        var key = $"{snapshot.Business.Id}|{fromDay:yyyy-MM-dd}|{untilDay:yyyy-MM-dd}";
        BusyTimes? busy;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Budget);
        try
        {
            busy = fresh
                ? await calendar.GetBusyAsync(snapshot.Business.Id, calendars, from, until, budget.Token)
                : await _cache.GetAsync(key, () => calendar.GetBusyAsync(snapshot.Business.Id, calendars, from, until, budget.Token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            busy = null; // Google too slow: go on with Turnos's own appointments rather than keep the customer waiting
        }
        if (busy is null) return [];
        var intervals = new List<BusyInterval>();
        foreach (var professional in snapshot.Professionals)
        {
            intervals.AddRange(busy.Business.Select(b => new BusyInterval(professional.Id, b.FromUtc, b.UntilUtc)));
            if (professional.CalendarId is { } id && busy.ByCalendar.TryGetValue(id, out var own))
                intervals.AddRange(own.Select(b => new BusyInterval(professional.Id, b.FromUtc, b.UntilUtc)));
        }
        return intervals;
    }
}
