using Azure.Data.Tables;
using Turnos.Functions.Storage;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>
/// Messages waiting for their conversation, in arrival order: one partition per conversation in the
/// <c>messages</c> table, a row per message until its turn has run. The orchestration takes its next message from
/// here rather than from the event that announced it, so a message is never lost with an event (an event raised to
/// an instance that just ended, or one dropped while the instance continued as new): it waits here for the next look.
/// </summary>
public sealed class ConversationInbox(WhatsAppTables tables, TimeProvider time)
{
    private static string Partition(ConversationRef c) => $"i|{c.BusinessId}|{c.CustomerKey}";

    /// <summary>Queues a message; the same MessageSid twice is queued once.</summary>
    public async Task AddAsync(ConversationRef conversation, ConversationMessage message, CancellationToken ct)
    {
        if (await FindAsync(conversation, message.MessageSid, ct) is not null) return;
        var arrived = time.GetUtcNow();
        await tables.Messages.TryAddAsync(new TableEntity(Partition(conversation), $"{arrived.UtcTicks:D19}|{message.MessageSid}")
        {
            ["MessageSid"] = message.MessageSid,
            ["Text"] = message.Text,
            ["BusinessNumber"] = message.BusinessNumber,
            ["ClaimedUtc"] = arrived, // the message retention job reads this
        }, ct);
    }

    /// <summary>The oldest message still waiting, or null.</summary>
    public async Task<ConversationMessage?> NextAsync(ConversationRef conversation, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(conversation)}");
        await foreach (var row in tables.Messages.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: ct))
            return new ConversationMessage(row.GetString("MessageSid")!, row.GetString("Text") ?? "", row.GetString("BusinessNumber")!);
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
            // Rows come in key order, so a partition's first row is its oldest message.
            if (seen.Add(row.PartitionKey) && ConversationOf(row.PartitionKey) is { } conversation)
                waiting.Add((conversation, row.GetString("MessageSid")!));
        }
        return waiting;
    }

    // Business ids and customer keys hold no '|' (ids are [a-z0-9-], keys hex), so the partition splits back into them.
    private static ConversationRef? ConversationOf(string partitionKey) =>
        partitionKey.Split('|') is ["i", var business, var customer] ? new ConversationRef(business, customer) : null;

    /// <summary>Removes a message whose turn has run. Safe to repeat.</summary>
    public async Task RemoveAsync(ConversationRef conversation, string messageSid, CancellationToken ct)
    {
        if (await FindAsync(conversation, messageSid, ct) is { } row)
            await tables.Messages.TryDeleteAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, ct);
    }

    private async Task<TableEntity?> FindAsync(ConversationRef conversation, string messageSid, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(conversation)} and MessageSid eq {messageSid}");
        await foreach (var row in tables.Messages.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            return row;
        return null;
    }
}
