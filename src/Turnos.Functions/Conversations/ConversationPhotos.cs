using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Conversations;

/// <summary>A photo a customer sent that no model looked at, kept for the person of the business who will.</summary>
/// <param name="Id">Short and stable: from the photo's URL, which is never shown for Twilio's (read through the API).</param>
public sealed record KeptPhoto(string Id, string Url, string ContentType, bool FromTwilio, DateTimeOffset ReceivedUtc);

/// <summary>
/// The photos waiting for a person, in a column of the conversation's row (the state's own columns are merged around it):
/// where each is and when it came, at most <see cref="MaxKept"/>, newest last. Cleared when the conversation is attended;
/// gone with the row. The URLs may be credentials (signed links), so they are stored, never logged.
/// </summary>
public sealed class ConversationPhotos(TurnosTables tables)
{
    public const int MaxKept = 20;
    internal const string Column = "KeptPhotos";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds a message's photos (again is harmless: the same URL is kept once).</summary>
    public async Task KeepAsync(string businessId, string customerKey, IReadOnlyList<MessageAttachment> photos, DateTimeOffset nowUtc, CancellationToken ct)
    {
        // The turn's own save merges into the same row at about the same time: a lost race is read again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await tables.Conversations.FindAsync(businessId, customerKey, [Column], ct) is not { } row) return;
            var kept = Read(row).ToList();
            kept.AddRange(photos.Where(p => kept.All(k => k.Url != p.Url))
                .Select(p => new KeptPhoto(IdOf(p.Url), p.Url, p.ContentType, p.FromTwilio, nowUtc)));
            var update = new TableEntity(businessId, customerKey) { [Column] = Write(kept.TakeLast(MaxKept)) };
            if ((await tables.Conversations.TryUpdateAsync(update, row.ETag, TableUpdateMode.Merge, ct)).IsSuccess) return;
        }
        throw new RequestFailedException(412, "The conversation kept changing while its photos were being kept.");
    }

    public async Task<KeptPhoto?> FindAsync(string businessId, string customerKey, string photoId, CancellationToken ct) =>
        await tables.Conversations.FindAsync(businessId, customerKey, [Column], ct) is { } row ? Read(row).FirstOrDefault(p => p.Id == photoId) : null;

    /// <summary>The photos of a conversation row read with <see cref="Column"/>.</summary>
    public static IReadOnlyList<KeptPhoto> Read(TableEntity row) =>
        row.GetString(Column) is { Length: > 0 } json ? JsonSerializer.Deserialize<List<KeptPhoto>>(json, Json) ?? [] : [];

    public static string Write(IEnumerable<KeptPhoto> photos) => JsonSerializer.Serialize(photos, Json);

    private static string IdOf(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..12];
}
