using Microsoft.Extensions.Caching.Memory;

namespace Turnos.Functions.Conversations;

/// <summary>
/// Conversation rows this process has seen lately, with their customer's phone. A row's key is a hash of its phone,
/// so the phone remembered for a key is always right; and a row goes only after 90 days without a message, so one
/// seen within the hour still exists. Every turn would otherwise read the row to check it exists and once per activity
/// for the phone. Bounded; a forgotten row is simply read again.
/// </summary>
public sealed class KnownConversations : IDisposable
{
    private const int MaxRows = 100_000;
    private static readonly TimeSpan Unused = TimeSpan.FromHours(1);
    private readonly MemoryCache _rows = new(new MemoryCacheOptions { SizeLimit = MaxRows });

    public string? PhoneOf(string businessId, string customerKey) => _rows.Get<string>((businessId, customerKey));

    public void Remember(string businessId, string customerKey, string phone) =>
        _rows.Set((businessId, customerKey), phone, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });

    public void Dispose() => _rows.Dispose();
}
