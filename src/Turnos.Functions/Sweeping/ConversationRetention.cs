using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// Deletes conversations idle for <see cref="IdleFor"/>. A conversation idle past
/// <c>Conversations:IdleTimeoutHours</c> already starts over at the customer's next message, so an old row only
/// keeps a phone number and half-finished requests around. The customer's profile and history (name, email,
/// appointments) live in the <c>appointments</c> table and stay.
/// </summary>
internal sealed class ConversationRetention(TurnosTables tables, TimeProvider time) : ISweepJob
{
    public static readonly TimeSpan IdleFor = TimeSpan.FromDays(90);
    private const int MaxPerRun = 500;

    public string Name => "conversations";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - IdleFor;
        // A customer who wrote since the query keeps the conversation (the delete carries the ETag).
        return await Retention.DeleteAsync(tables.Conversations, TableClient.CreateQueryFilter($"LastActivityUtc lt {before}"), MaxPerRun, ct);
    }
}
