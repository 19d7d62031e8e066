using System.Collections.Concurrent;

namespace Turnos.Functions.Businesses;

/// <summary>
/// Keeps values for a short time. Every WhatsApp turn needs the business's catalog and the owner of the
/// number it came to, and both change rarely; writes through the same instance clear it, other instances
/// see a change within the time to live.
/// </summary>
internal sealed class ShortCache<T>(TimeProvider time, TimeSpan timeToLive)
{
    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset Until)> _items = new(StringComparer.Ordinal);

    public async Task<T> GetAsync(string key, Func<Task<T>> load)
    {
        var now = time.GetUtcNow();
        if (_items.TryGetValue(key, out var hit) && hit.Until > now) return hit.Value;
        var value = await load();
        if (timeToLive > TimeSpan.Zero) _items[key] = (value, now + timeToLive);
        return value;
    }

    public void Clear() => _items.Clear();
}
