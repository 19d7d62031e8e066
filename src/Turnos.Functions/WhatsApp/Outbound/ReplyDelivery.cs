using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Storage;

namespace Turnos.Functions.WhatsApp.Outbound;

/// <summary>
/// Sends the replies to one inbound message, in order, each part at most once however often it is retried: part
/// <c>i</c> is claimed in the <c>messages</c> table ((MessageSid, i), beside the inbound row) before it is sent. A part
/// already claimed is skipped; a send that fails releases its claim and throws, so a retry sends it again. A process
/// that dies between claiming and sending leaves that part unsent rather than risk sending it twice.
/// </summary>
public sealed partial class ReplyDelivery(WhatsAppTables tables, IReplySender sender, TimeProvider time, ILogger<ReplyDelivery> logger)
{
    private const string Sending = "sending", Sent = "sent";

    /// <returns>How many parts this call sent (the others were sent before).</returns>
    public async Task<int> DeliverAsync(string messageSid, string from, string to, IReadOnlyList<string> replies, CancellationToken ct)
    {
        var parts = replies.SelectMany(r => TwiML.Split(r)).ToList();
        var sent = 0;
        for (var index = 0; index < parts.Count; index++)
        {
            if (await ClaimAsync(messageSid, index, ct) is not { } claim) continue;
            string providerSid;
            try
            {
                providerSid = await sender.SendAsync(new OutboundReply(messageSid, index, from, to, parts[index]), ct);
            }
            catch
            {
                await tables.Messages.TryDeleteAsync(claim.PartitionKey, claim.RowKey, claim.ETag, CancellationToken.None);
                throw;
            }
            claim["State"] = Sent;
            claim["ProviderSid"] = providerSid;
            claim["CompletedUtc"] = time.GetUtcNow();
            await tables.Messages.TryUpdateAsync(claim, claim.ETag, ct: ct);
            LogSent(messageSid, index, providerSid);
            sent++;
        }
        return sent;
    }

    /// <summary>The claim row when this call owns part <paramref name="index"/>; null when it was claimed before.</summary>
    private async Task<TableEntity?> ClaimAsync(string messageSid, int index, CancellationToken ct)
    {
        var owner = Guid.NewGuid().ToString("N");
        var row = new TableEntity(WhatsAppTables.MessagePartition(messageSid), $"{messageSid}|out|{index:D3}")
        {
            ["State"] = Sending,
            ["Owner"] = owner,
            ["ClaimedUtc"] = time.GetUtcNow(),
        };
        var added = await tables.Messages.TryAddAsync(row, ct);
        if (added.IsSuccess && added.ETag is { } etag)
        {
            row.ETag = etag;
            return row;
        }
        // Our own insert whose answer was lost and which the SDK retried meets itself: still ours.
        var existing = await tables.Messages.FindAsync(row.PartitionKey, row.RowKey, ct: ct);
        if (existing?.GetString("Owner") == owner && existing.GetString("State") == Sending) return existing;
        LogSkipped(messageSid, index, existing?.GetString("State") ?? "released");
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {Index} to {MessageSid} sent as {ProviderSid}")]
    private partial void LogSent(string messageSid, int index, string providerSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {Index} to {MessageSid} not sent again: it is {State}")]
    private partial void LogSkipped(string messageSid, int index, string state);
}
