using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Turnos.Core.Conversations;
using Turnos.Functions.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Conversations;

/// <summary>
/// One row per (business, customer): the conversation's state as JSON, guarded by its ETag. The row key
/// is a hash of the phone (keys travel in URLs); the phone itself is a column the business can read.
/// </summary>
public sealed class ConversationStore(TurnosTables tables, KnownConversations known)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<(ConversationState State, ETag? ETag)> LoadAsync(string businessId, string phone, CancellationToken ct)
    {
        var row = await tables.Conversations.FindAsync(businessId, Key(phone), ct: ct);
        return (Read(row, businessId, phone), row?.GetString("Data") is null ? null : row.ETag);
    }

    /// <summary>The conversation and its customer's phone by the key an orchestration knows it by; null when no row
    /// exists and none was seen (see <see cref="EnsureAsync"/>).</summary>
    public async Task<(ConversationState State, string Phone)?> LoadByKeyAsync(string businessId, string customerKey, CancellationToken ct)
    {
        var row = await tables.Conversations.FindAsync(businessId, customerKey, ct: ct);
        // Deleted as idle (see ConversationRetention) just as a message arrived: the conversation starts over.
        if (row is null && known.PhoneOf(businessId, customerKey) is { } knownPhone) return (ConversationState.New(businessId, knownPhone), knownPhone);
        if (row?.GetString("CustomerPhone") is not { } phone) return null;
        known.Remember(businessId, customerKey, phone);
        return (Read(row, businessId, phone), phone);
    }

    /// <summary>Only the customer's phone, by the conversation's key: what every activity after the first needs.</summary>
    public async Task<string?> PhoneOfAsync(string businessId, string customerKey, CancellationToken ct)
    {
        if (known.PhoneOf(businessId, customerKey) is { } phone) return phone;
        phone = (await tables.Conversations.FindAsync(businessId, customerKey, ["CustomerPhone"], ct))?.GetString("CustomerPhone");
        if (phone is not null) known.Remember(businessId, customerKey, phone);
        return phone;
    }

    private static ConversationState Read(TableEntity? row, string businessId, string phone) =>
        row?.GetString("Data") is { } data ? Read(row, data) : ConversationState.New(businessId, phone);

    // Someone of the business marks a conversation attended in a column of its own (see MarkAttendedAsync); the turn
    // that reads it next saves the state without the flag.
    private static ConversationState Read(TableEntity row, string data) =>
        JsonSerializer.Deserialize<ConversationState>(data, Json)!.Attended(row.GetDateTimeOffset(AttendedColumn));

    /// <summary>Makes sure the conversation has a row (a new one for a first message) and returns its key.</summary>
    public async Task<string> EnsureAsync(string businessId, string phone, CancellationToken ct)
    {
        var key = Key(phone);
        if (known.PhoneOf(businessId, key) is not null) return key;
        if (await tables.Conversations.FindAsync(businessId, key, ["CustomerPhone"], ct) is null)
            await tables.Conversations.TryAddAsync(Row(ConversationState.New(businessId, phone)), ct); // a conflict: created meanwhile
        known.Remember(businessId, key, phone);
        return key;
    }

    /// <summary>Saves without a concurrency check: the conversation's orchestration is the only writer of its state. A
    /// merge, so an attended mark written meanwhile stays.</summary>
    public async Task SaveAsync(ConversationState state, CancellationToken ct) =>
        await tables.Conversations.TryUpsertAsync(Row(state), TableUpdateMode.Merge, ct);

    /// <summary>Someone of the business attended the customer waiting for a person: the conversation is no longer listed
    /// as waiting, until the customer asks again. False when the business has no conversation with that address.</summary>
    public async Task<bool> MarkAttendedAsync(string businessId, string phone, DateTimeOffset nowUtc, CancellationToken ct)
    {
        // A merge needs the row to exist: no conversation, no update (404), and nothing is created.
        var mark = new TableEntity(businessId, Key(phone)) { [AttendedColumn] = nowUtc, [ConversationPhotos.Column] = "" };
        return (await tables.Conversations.TryUpdateAsync(mark, ETag.All, TableUpdateMode.Merge, ct)).IsSuccess;
    }

    /// <summary>The key of a customer's conversation within a business.</summary>
    public static string CustomerKey(string phone) => Key(phone);

    /// <summary>False when someone else changed the conversation since it was loaded.</summary>
    public async Task<bool> TrySaveAsync(ConversationState state, ETag? etag, CancellationToken ct)
    {
        var row = Row(state);
        var result = etag is null
            ? await tables.Conversations.TryAddAsync(row, ct)
            : await tables.Conversations.TryUpdateAsync(row, etag.Value, ct: ct);
        return result.IsSuccess;
    }

    private static TableEntity Row(ConversationState state) =>
        new(state.BusinessId, Key(state.CustomerPhone))
        {
            ["Data"] = JsonSerializer.Serialize(state, Json),
            ["CustomerPhone"] = state.CustomerPhone,
            ["CustomerName"] = state.CustomerName,
            ["Mode"] = state.Mode.ToString(),
            ["HandoffRequested"] = state.HandoffRequested,
            ["LastActivityUtc"] = state.LastActivityUtc,
        };

    /// <summary>Conversations whose customer waits for a person, with the photos they sent for one.</summary>
    public async Task<List<(ConversationState State, IReadOnlyList<KeptPhoto> Photos)>> ListHandoffsAsync(string businessId, CancellationToken ct)
    {
        var list = new List<(ConversationState, IReadOnlyList<KeptPhoto>)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {businessId} and HandoffRequested eq {true}");
        await foreach (var row in tables.Conversations.QueryAsync<TableEntity>(filter, select: ["Data", AttendedColumn, ConversationPhotos.Column], cancellationToken: ct))
            if (Read(row, row.GetString("Data")!) is { HandoffRequested: true } waiting) list.Add((waiting, ConversationPhotos.Read(row)));
        return list;
    }

    private const string AttendedColumn = "AttendedUtc";

    private static string Key(string phone) => AppointmentStore.HashedKey("", phone);
}
