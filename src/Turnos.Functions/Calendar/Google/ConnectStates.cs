using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection;
using Turnos.Functions.Storage;
using Base64Url = System.Buffers.Text.Base64Url;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>What a connect link's <c>state</c> turned out to be.</summary>
public abstract record StateCheck
{
    private StateCheck() { }

    public sealed record Valid(string BusinessId, string RedirectUri, string CodeVerifier, DateTimeOffset ExpiresUtc) : StateCheck;

    /// <summary>Never issued, forged, or unreadable (its verifier's protection key is gone).</summary>
    public sealed record Unknown : StateCheck;

    public sealed record Used : StateCheck;

    public sealed record Expired : StateCheck;
}

/// <summary>
/// One row per connect link: the OAuth <c>state</c> (256 random bits) is bound to one business, valid
/// <see cref="Lifetime"/>, and usable once. The row is keyed by a hash of the state, so the table alone cannot
/// rebuild a link; the PKCE verifier is kept protected with Data Protection and dropped once the link is used.
/// </summary>
public sealed class ConnectStates(CalendarTable table, TimeProvider time, IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private const string Partition = "oauth-state";
    private const int StateLength = 43; // 32 bytes in base64url

    private readonly IDataProtector _verifiers = protection.CreateProtector("Turnos.Calendar.Google.PkceVerifier.v1");

    private TableClient Table => table.Table;

    public async Task<(string State, StateCheck.Valid Link)> CreateAsync(string businessId, string redirectUri, CancellationToken ct)
    {
        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var verifier = GoogleOAuth.NewCodeVerifier();
        var expires = time.GetUtcNow() + Lifetime;
        await Table.TryAddAsync(new TableEntity(Partition, Key(state))
        {
            ["BusinessId"] = businessId,
            ["RedirectUri"] = redirectUri,
            ["Verifier"] = _verifiers.Protect(verifier),
            ["ExpiresUtc"] = expires,
        }, ct);
        return (state, new StateCheck.Valid(businessId, redirectUri, verifier, expires));
    }

    /// <summary>Checks a link without using it up (opening the shareable link, or a "cancel" on Google's page).</summary>
    public async Task<StateCheck> PeekAsync(string? state, CancellationToken ct) => (await ReadAsync(state, ct)).Check;

    /// <summary>Uses the link up, atomically: of two callbacks with the same state, one wins and the other sees Used.</summary>
    public async Task<StateCheck> ConsumeAsync(string? state, CancellationToken ct)
    {
        var (check, row) = await ReadAsync(state, ct);
        if (check is not StateCheck.Valid || row is null) return check;
        row.Remove("Verifier");
        row["UsedUtc"] = time.GetUtcNow();
        var replaced = await Table.TryUpdateAsync(row, row.ETag!, ct: ct);
        return replaced.IsSuccess ? check : new StateCheck.Used();
    }

    /// <summary>Deletes links that expired more than a day ago (a protected verifier is still in unused ones).</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(1);
        var deleted = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ExpiresUtc lt {before}"), select: ["RowKey"], cancellationToken: ct))
            if ((await Table.TryDeleteAsync(Partition, row.RowKey, ETag.All, ct)).IsSuccess) deleted++;
        return deleted;
    }

    private async Task<(StateCheck Check, TableEntity? Row)> ReadAsync(string? state, CancellationToken ct)
    {
        if (state is not { Length: StateLength } || !Base64Url.IsValid(state)) return (new StateCheck.Unknown(), null);
        if (await Table.FindAsync(Partition, Key(state), ct: ct) is not { } row) return (new StateCheck.Unknown(), null);
        if (row.GetDateTimeOffset("UsedUtc") is not null) return (new StateCheck.Used(), row);
        var expires = row.GetDateTimeOffset("ExpiresUtc") ?? DateTimeOffset.MinValue;
        if (time.GetUtcNow() >= expires) return (new StateCheck.Expired(), row);
        string verifier;
        try { verifier = _verifiers.Unprotect(row.GetString("Verifier") ?? ""); }
        catch (CryptographicException) { return (new StateCheck.Unknown(), null); }
        return (new StateCheck.Valid(row.GetString("BusinessId")!, row.GetString("RedirectUri")!, verifier, expires), row);
    }

    private static string Key(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(state)));
}
