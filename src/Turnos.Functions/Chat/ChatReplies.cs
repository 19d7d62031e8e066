using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Turnos.Functions.Storage;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Chat;

/// <summary>
/// Hands a chat message's replies from the conversation's orchestration back to the <c>POST /api/chat</c> waiting for
/// them. Each message has its own id, so two calls of one session racing each get their own replies, once. The replies
/// are written beside the message's claims in the <c>messages</c> table (any instance can read them; the waiting call
/// deletes them) and, when the waiting call is in this process — always on the local host, usually in Azure — it is
/// woken at once instead of at its next look.
/// </summary>
public sealed class ChatReplies(WhatsAppTables tables, TimeProvider time)
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public async Task CompleteAsync(string messageId, IReadOnlyList<string> replies, CancellationToken ct)
    {
        var row = new TableEntity(WhatsAppTables.MessagePartition(messageId), Key(messageId))
        {
            ["Replies"] = JsonSerializer.Serialize(replies),
            ["CompletedUtc"] = time.GetUtcNow(),
        };
        await tables.Messages.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        if (_waiting.TryGetValue(messageId, out var waiter)) waiter.TrySetResult();
    }

    /// <summary>The replies to <paramref name="messageId"/> once the conversation gave them; null after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<string>?> WaitAsync(string messageId, TimeSpan timeout, CancellationToken ct)
    {
        // Real time, not the app's clock: this is how long an HTTP caller waits, not a fact of the conversation.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var waiter = _waiting.GetOrAdd(messageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            while (true)
            {
                var row = await tables.Messages.FindAsync(WhatsAppTables.MessagePartition(messageId), Key(messageId), ct: ct);
                if (row?.GetString("Replies") is { } json)
                {
                    // Read once: the texts do not stay in storage after the caller has them.
                    await tables.Messages.TryDeleteAsync(row.PartitionKey, row.RowKey, row.ETag, CancellationToken.None);
                    return JsonSerializer.Deserialize<List<string>>(json) ?? [];
                }
                var left = timeout - System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero) return null;
                try
                {
                    await waiter.Task.WaitAsync(left < LookEvery ? left : LookEvery, ct);
                }
                catch (TimeoutException)
                {
                    // Another instance may have completed it: look again.
                }
            }
        }
        finally
        {
            _waiting.TryRemove(messageId, out _);
        }
    }

    private static string Key(string messageId) => messageId + "|chat";
}
