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
