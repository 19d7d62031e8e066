using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Storage;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// Deletes old MessageSid rows of the <c>messages</c> table. They exist to answer Twilio's redeliveries, which
/// come within minutes or hours, so a week is ample; after that they only keep reply texts around. Messages left in
/// a conversation's inbox that long (their turn never ran) go too: they hold the customer's text; so do the
/// inboxes' records of the MessageSids they queued (see ConversationInbox). The rows that
/// remember a customer's choice on a shared number (other partitions) are never touched.
/// </summary>
internal sealed class MessageRetention(WhatsAppTables tables, TimeProvider time) : ISweepJob
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);
    private const int MaxPerRun = 1000;

    public string Name => "messages";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - KeepFor;
        // Message partitions are "m|xx" and inboxes "i|business|customer"; '}' follows '|', so these ranges are exactly them.
        var filter = TableClient.CreateQueryFilter(
            $"((PartitionKey ge {"m|"} and PartitionKey lt {"m}"}) or (PartitionKey ge {"i|"} and PartitionKey lt {"i}"})) and (CompletedUtc lt {before} or ClaimedUtc lt {before} or SeenUtc lt {before})");
        // A row rewritten since the query (a takeover, a completion) is not old any more: the delete carries the ETag.
        return await Retention.DeleteAsync(tables.Messages, filter, MaxPerRun, ct);
    }
}
