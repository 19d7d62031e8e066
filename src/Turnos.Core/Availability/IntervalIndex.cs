namespace Turnos.Core.Availability;

/// <summary>
/// Half-open UTC intervals sorted by start, with a running maximum of the ends so that overlap queries
/// are a binary search plus a short forward scan even when intervals overlap each other.
/// </summary>
internal sealed class IntervalIndex
{
    public static readonly IntervalIndex Empty = new([]);

    private readonly long[] _from;
    private readonly long[] _until;
    private readonly long[] _maxUntil;
    private readonly string?[] _ids;

    private IntervalIndex(List<(long From, long Until, string? Id)> items)
    {
        // Empty or inverted intervals hold no time; dropping them keeps the overlap test simple.
        items.RemoveAll(i => i.Until <= i.From);
        items.Sort((a, b) => a.From.CompareTo(b.From));
        _from = new long[items.Count];
        _until = new long[items.Count];
        _maxUntil = new long[items.Count];
        _ids = new string?[items.Count];
        var max = long.MinValue;
        for (var i = 0; i < items.Count; i++)
        {
            (_from[i], _until[i], _ids[i]) = items[i];
            max = Math.Max(max, _until[i]);
            _maxUntil[i] = max;
        }
    }

    public static IntervalIndex Build(IEnumerable<(DateTimeOffset From, DateTimeOffset Until, string? Id)> intervals)
    {
        var items = intervals.Select(i => (i.From.UtcTicks, i.Until.UtcTicks, i.Id)).ToList();
        return items.Count == 0 ? Empty : new IntervalIndex(items);
    }

    public int Count => _from.Length;

    public string? IdAt(int index) => _ids[index];

    /// <summary>The earliest-starting interval overlapping [from, until), or -1.</summary>
    public int FirstOverlap(long from, long until)
    {
        // _maxUntil is non-decreasing: nothing before this index can reach past `from`.
        for (var i = LowerBound(_maxUntil, from + 1); i < _from.Length && _from[i] < until; i++)
        {
            if (_until[i] > from) return i;
        }
        return -1;
    }

    /// <summary>The first start at or after <paramref name="at"/>, or null.</summary>
    public long? FirstStartAtOrAfter(long at)
    {
        var i = LowerBound(_from, at);
        return i < _from.Length ? _from[i] : null;
    }

    /// <summary>Index of the first element ≥ value in an ascending array.</summary>
    private static int LowerBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
