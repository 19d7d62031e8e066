using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Storage;

namespace Turnos.Functions.WhatsApp;

/// <summary>What claiming an inbound MessageSid gave.</summary>
public abstract record MessageClaim
{
    private MessageClaim() { }

    /// <summary>This delivery runs the message; finish with Complete or Release.</summary>
    public sealed record Owned(string PartitionKey, string MessageSid, string Owner, ETag ETag) : MessageClaim;

    /// <summary>An earlier delivery already handed the message over (or answered it).</summary>
    public sealed record Answered : MessageClaim;

    /// <summary>Another delivery is still at work after the wait.</summary>
    public sealed record StillRunning : MessageClaim;
}

/// <summary>
/// Twilio may deliver a message more than once, even concurrently. The first delivery inserts a pending row
/// for the MessageSid and hands the message over; then the row says done. A repeat does nothing; one arriving
/// while the first is at work waits for its outcome. A failed hand-over deletes its claim so a retry runs again,
/// and a claim left by a process that died is taken over once it is older than any hand-over can be.
/// </summary>
public sealed class MessageLog(WhatsAppTables tables, TimeProvider time)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);
    /// <summary>How long a repeat waits for the first delivery's hand-over (Twilio waits 15 s for the answer).</summary>
    private static readonly TimeSpan WaitForOther = TimeSpan.FromSeconds(10);
    private const string Pending = "pending", Done = "done";

    private TableClient Table => tables.Messages;

    public async Task<MessageClaim> ClaimAsync(string messageSid, CancellationToken ct)
    {
        var pk = WhatsAppTables.MessagePartition(messageSid);
        var owner = Guid.NewGuid().ToString("N");
        // Counted, not timed, so a frozen test clock cannot hang it.
        var maxPolls = (int)(WaitForOther / PollEvery);
        for (var poll = 0; poll <= maxPolls; poll++)
        {
            var now = time.GetUtcNow();
            var insert = await Table.TryAddAsync(PendingRow(pk, messageSid, owner, now), ct);
            if (insert.IsSuccess && insert.ETag is { } etag) return new MessageClaim.Owned(pk, messageSid, owner, etag);

            var row = await Table.FindAsync(pk, messageSid, ct: ct);
            if (row is null) continue; // released in between: claim again
            if (row.GetString("State") == Done) return new MessageClaim.Answered();
            // Our own insert, whose answer was lost and retried (or came back without an ETag).
            if (row.GetString("Owner") == owner) return new MessageClaim.Owned(pk, messageSid, owner, row.ETag);
            if (now - (row.GetDateTimeOffset("ClaimedUtc") ?? DateTimeOffset.MinValue) > StaleAfter)
            {
                var taken = await Table.TryUpdateAsync(PendingRow(pk, messageSid, owner, now), row.ETag, ct: ct);
                if (taken.IsSuccess && taken.ETag is { } takenTag) return new MessageClaim.Owned(pk, messageSid, owner, takenTag);
                continue;
            }
            await Task.Delay(PollEvery, time, ct);
        }
        return new MessageClaim.StillRunning();
    }

    public async Task CompleteAsync(MessageClaim.Owned claim, string? businessId, CancellationToken ct)
    {
        var row = new TableEntity(claim.PartitionKey, claim.MessageSid)
        {
            ["State"] = Done,
            ["Owner"] = claim.Owner,
            ["BusinessId"] = businessId,
            ["CompletedUtc"] = time.GetUtcNow(),
        };
        // A 412 means either our own write answered late and was retried, or a stale takeover: both keep what is there.
        await Table.TryUpdateAsync(row, claim.ETag, ct: ct);
    }

    /// <summary>Gives the message back so that a retry of it runs the turn again.</summary>
    public async Task ReleaseAsync(MessageClaim.Owned claim, CancellationToken ct) =>
        await Table.TryDeleteAsync(claim.PartitionKey, claim.MessageSid, claim.ETag, ct);

    private static TableEntity PendingRow(string pk, string messageSid, string owner, DateTimeOffset now) => new(pk, messageSid)
    {
        ["State"] = Pending,
        ["Owner"] = owner,
        ["ClaimedUtc"] = now,
    };

}
