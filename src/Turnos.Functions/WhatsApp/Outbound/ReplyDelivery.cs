using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Storage;

namespace Turnos.Functions.WhatsApp.Outbound;

/// <summary>
/// Sends the replies to one inbound message, in order, each part at most once however often it is retried: part
/// <c>i</c> is claimed in the <c>messages</c> table ((MessageSid, i), beside the inbound row) before it is sent. A part
/// already claimed is skipped; a send that fails releases its claim and throws, so a retry sends it again. A process
/// that dies between claiming and sending leaves that part unsent rather than risk sending it twice. A part the
/// provider refuses for good (<see cref="MessageRefusedException"/>) stays claimed as refused and ends the delivery.
/// </summary>
public sealed partial class ReplyDelivery(WhatsAppTables tables, IReplySender sender, TimeProvider time, ILogger<ReplyDelivery> logger)
{
    private const string Sending = "sending", Sent = "sent", Refused = "refused";

    /// <returns>How many parts this call sent (the others were sent before, or refused).</returns>
    public async Task<int> DeliverAsync(string messageSid, string from, string to, IReadOnlyList<string> replies, CancellationToken ct)
    {
        var parts = replies.SelectMany(r => TwiML.Split(r)).ToList();
        var sent = 0;
        for (var index = 0; index < parts.Count; index++)
        {
            var outcome = await SendOnceAsync(new OutboundReply(messageSid, index, from, to, parts[index]), ct);
            if (outcome.State == DeliveryState.Refused) break; // the parts after it would be refused alike
            if (outcome.State == DeliveryState.Sent) sent++;
        }
        return sent;
    }

    /// <summary>Sends one message unless (<see cref="OutboundReply.MessageSid"/>, <see cref="OutboundReply.Index"/>) was
    /// claimed before. A refusal is kept as the claim's state, so it is not tried again; any other failure throws.</summary>
    public async Task<DeliveryOutcome> SendOnceAsync(OutboundReply reply, CancellationToken ct)
    {
        var (messageSid, index) = (reply.MessageSid, reply.Index);
        var (claim, earlier) = await ClaimAsync(messageSid, index, ct);
        if (claim is null) return new DeliveryOutcome(DeliveryState.AlreadyClaimed, Detail: earlier);
        string providerSid;
        try
        {
            providerSid = await sender.SendAsync(reply, ct);
        }
        catch (MessageRefusedException e)
        {
            await CompleteAsync(claim, Refused, ("Code", e.Code), ct);
            LogRefused(messageSid, index, e.Code);
            return new DeliveryOutcome(DeliveryState.Refused, RefusedCode: e.Code, Detail: e.Reason);
        }
        catch
        {
            await tables.Messages.TryDeleteAsync(claim.PartitionKey, claim.RowKey, claim.ETag, CancellationToken.None);
            throw;
        }
        await CompleteAsync(claim, Sent, ("ProviderSid", providerSid), ct);
        LogSent(messageSid, index, providerSid);
        return new DeliveryOutcome(DeliveryState.Sent, providerSid);
    }

    private async Task CompleteAsync(TableEntity claim, string state, (string Column, object Value) detail, CancellationToken ct)
    {
        claim["State"] = state;
        claim[detail.Column] = detail.Value;
        claim["CompletedUtc"] = time.GetUtcNow();
        await tables.Messages.TryUpdateAsync(claim, claim.ETag, ct: ct);
    }

    /// <summary>The claim row when this call owns part <paramref name="index"/>; else null and the state it was found in.</summary>
    private async Task<(TableEntity? Claim, string? Earlier)> ClaimAsync(string messageSid, int index, CancellationToken ct)
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
            return (row, null);
        }
        // Our own insert whose answer was lost and which the SDK retried meets itself: still ours.
        var existing = await tables.Messages.FindAsync(row.PartitionKey, row.RowKey, ct: ct);
        if (existing?.GetString("Owner") == owner && existing.GetString("State") == Sending) return (existing, null);
        var state = existing?.GetString("State") ?? "released";
        LogSkipped(messageSid, index, state);
        return (null, state);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {Index} to {MessageSid} refused by the provider with error {Code}; not retried")]
    private partial void LogRefused(string messageSid, int index, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {Index} to {MessageSid} sent as {ProviderSid}")]
    private partial void LogSent(string messageSid, int index, string providerSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {Index} to {MessageSid} not sent again: it is {State}")]
    private partial void LogSkipped(string messageSid, int index, string state);
}

public enum DeliveryState { Sent, AlreadyClaimed, Refused }

/// <param name="Detail">Already claimed: the state it was found in; refused: why, in English for staff.</param>
public sealed record DeliveryOutcome(DeliveryState State, string? ProviderSid = null, int? RefusedCode = null, string? Detail = null);
