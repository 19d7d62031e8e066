using System.Text.Json;
using Azure.Data.Tables;
using Turnos.Functions.Storage;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>
/// Messages waiting for their conversation, in arrival order: one partition per conversation in the
/// <c>messages</c> table, a row per message until its turn has run. The orchestration takes its next message from
/// here rather than from the event that announced it, so a message is never lost with an event (an event raised to
/// an instance that just ended, or one dropped while the instance continued as new): it waits here for the next look.
/// Beside the queue, the partition remembers each MessageSid it ever queued (for the retention period), written in
/// the same transaction as the queued row: that is how a redelivered message is queued once, in one storage call.
/// </summary>
public sealed class ConversationInbox(WhatsAppTables tables, TimeProvider time)
{
    // Queued rows are keyed by arrival ticks (digits); the MessageSids seen sort after them (':' follows '9').
    private const string QueueEnd = ":";
    private const string SeenPrefix = "seen|";
    private const string SeenColumn = "SeenUtc"; // MessageRetention names it too

    private static string Partition(ConversationRef c) => $"i|{c.BusinessId}|{c.CustomerKey}";

    /// <summary>The row key that records a MessageSid as queued in its conversation's partition.</summary>
    public static string SeenKey(string messageSid) => SeenPrefix + messageSid;

    /// <summary>Queues a message unless its MessageSid was queued before. Returns whether this call queued it.</summary>
    public async Task<bool> AddAsync(ConversationRef conversation, ConversationMessage message, CancellationToken ct)
    {
        var arrived = time.GetUtcNow();
        var partition = Partition(conversation);
        // Not ClaimedUtc, which marks queued rows for WaitingSinceAsync; the retention job reads both.
        var seen = new TableEntity(partition, SeenKey(message.MessageSid)) { [SeenColumn] = arrived };
        var queued = new TableEntity(partition, $"{arrived.UtcTicks:D19}|{message.MessageSid}")
        {
            ["MessageSid"] = message.MessageSid,
            ["Text"] = message.Text,
            ["BusinessNumber"] = message.BusinessNumber,
            ["Persona"] = message.Persona is { } persona ? JsonSerializer.Serialize(persona) : null,
            ["Booking"] = message.Booking is { } booking ? JsonSerializer.Serialize(booking) : null,
            ["Attachments"] = message.Attachments is { Count: > 0 } attachments ? JsonSerializer.Serialize(attachments) : null,
            ["ClaimedUtc"] = arrived,
        };
        var result = await tables.Messages.TrySubmitAsync(
            [new(TableTransactionActionType.Add, seen), new(TableTransactionActionType.Add, queued)], ct);
        // A conflict is the MessageSid seen before (or, rarely, this very transaction retried after it committed).
        return result.Outcome switch
        {
            TableOutcome.Success => true,
            TableOutcome.Conflict => false,
            var other => throw new InvalidOperationException($"Queuing message {message.MessageSid} failed: {other}."),
        };
    }

    /// <summary>The oldest message still waiting, or null.</summary>
    public async Task<ConversationMessage?> NextAsync(ConversationRef conversation, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(conversation)} and RowKey lt {QueueEnd}");
        await foreach (var row in tables.Messages.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: ct))
            return new ConversationMessage(row.GetString("MessageSid")!, row.GetString("Text") ?? "", row.GetString("BusinessNumber")!, row.RowKey,
                row.GetString("Persona") is { } persona ? JsonSerializer.Deserialize<ChatPersona>(persona) : null,
                row.GetString("Booking") is { } booking ? JsonSerializer.Deserialize<Chat.ChatBooking>(booking) : null,
                row.GetString("Attachments") is { } attachments ? JsonSerializer.Deserialize<List<MessageAttachment>>(attachments) : null);
        return null;
    }

    /// <summary>
    /// Conversations with a message queued before <paramref name="before"/> (up to <paramref name="max"/>), each with its
    /// oldest such message. A turn takes seconds, so a message still here a while later was probably never announced
    /// to a running instance; the sweeper's inbox reconciliation wakes these conversations.
    /// </summary>
    public async Task<IReadOnlyList<(ConversationRef Conversation, string MessageSid)>> WaitingSinceAsync(DateTimeOffset before, int max, CancellationToken ct)
    {
        // Inbox partitions are "i|business|customer"; '}' follows '|', so this range is exactly them.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"i|"} and PartitionKey lt {"i}"} and ClaimedUtc lt {before}");
        var waiting = new List<(ConversationRef, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in tables.Messages.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "MessageSid"], cancellationToken: ct))
        {
            if (waiting.Count >= max) break;
            // Rows come in key order, so a partition's first queued row is its oldest message.
            if (seen.Add(row.PartitionKey) && ConversationOf(row.PartitionKey) is { } conversation)
                waiting.Add((conversation, row.GetString("MessageSid")!));
        }
        return waiting;
    }

    // Business ids and customer keys hold no '|' (ids are [a-z0-9-], keys hex), so the partition splits back into them.
    private static ConversationRef? ConversationOf(string partitionKey) =>
        partitionKey.Split('|') is ["i", var business, var customer] ? new ConversationRef(business, customer) : null;

    /// <summary>Removes a message whose turn has run (by the key <see cref="NextAsync"/> gave it). Safe to repeat.</summary>
    public async Task RemoveAsync(ConversationRef conversation, ConversationMessage message, CancellationToken ct)
    {
        var key = message.InboxKey ?? await FindAsync(conversation, message.MessageSid, ct);
        if (key is not null) await tables.Messages.TryDeleteAsync(Partition(conversation), key, Azure.ETag.All, ct);
    }

    private async Task<string?> FindAsync(ConversationRef conversation, string messageSid, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(conversation)} and RowKey lt {QueueEnd} and MessageSid eq {messageSid}");
        await foreach (var row in tables.Messages.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
            return row.RowKey;
        return null;
    }
}
