using System.Collections.Concurrent;

namespace Turnos.Functions.WhatsApp.Outbound;

/// <summary>
/// Development without a Twilio account: replies stay in memory, per customer, for the simulator to show. Nothing
/// leaves the machine. Keeps the last <see cref="Keep"/> messages per customer.
/// </summary>
public sealed class LocalReplySink : IReplySender
{
    private const int Keep = 200;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SentReply>> _byCustomer = new(StringComparer.Ordinal);
    private long _sequence;

    public Task<string> SendAsync(OutboundReply reply, CancellationToken ct)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var queue = _byCustomer.GetOrAdd(reply.To, _ => new ConcurrentQueue<SentReply>());
        queue.Enqueue(new SentReply(sequence, reply));
        while (queue.Count > Keep) queue.TryDequeue(out _);
        return Task.FromResult($"SMlocal{sequence:D12}");
    }

    /// <summary>The sequence number of the last reply kept; what comes later is newer.</summary>
    public long LastSequence => Interlocked.Read(ref _sequence);

    /// <summary>What was sent to <paramref name="customer"/> after <paramref name="afterSequence"/>, oldest first.</summary>
    public IReadOnlyList<SentReply> Since(string customer, long afterSequence) =>
        _byCustomer.TryGetValue(customer, out var queue) ? [.. queue.Where(r => r.Sequence > afterSequence)] : [];
}

public sealed record SentReply(long Sequence, OutboundReply Reply);
