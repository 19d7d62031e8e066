using System.Collections.Concurrent;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Util;
using Google.Apis.Util.Store;

namespace Turnos.Functions.Calendar.Vault;

/// <summary>
/// Google's <see cref="IDataStore"/> over the token vault, keyed by business id (the flow's "user id"). Only
/// the refresh token is persisted; the whole <see cref="TokenResponse"/> (access token, expiry) stays in memory
/// so access tokens are reused until shortly before they expire and the vault is read once per business and
/// process (again only after a delete). Build the flow with <c>DataStore = this</c> (or a wrapper, see
/// <see cref="DeleteAsync{T}"/>) and <c>Clock = this.Clock</c>.
/// </summary>
public sealed partial class VaultDataStore(ITokenVault vault, TimeProvider time, ILogger<VaultDataStore> logger) : IDataStore
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, TokenResponse> _tokens = new(StringComparer.Ordinal);

    /// <summary>The app's <see cref="TimeProvider"/> as Google's clock; give it to the flow so the flow and
    /// this store agree on when an access token expires.</summary>
    public IClock Clock { get; } = new GoogleClock(time);

    /// <summary>Called by the flow after a code exchange or a refresh. Writes to the vault only when the refresh
    /// token is new (a refresh usually returns none and the flow keeps the old one).</summary>
    public async Task StoreAsync<T>(string key, T value)
    {
        var token = value as TokenResponse ?? throw Unsupported<T>();
        if (string.IsNullOrEmpty(token.RefreshToken))
            throw new InvalidOperationException(
                $"Google returned no refresh token for business '{key}': the authorization must ask for offline access with prompt=consent.");
        var known = _tokens.TryGetValue(key, out var current) ? current.RefreshToken : null;
        if (!string.Equals(known, token.RefreshToken, StringComparison.Ordinal))
        {
            await vault.SetRefreshTokenAsync(key, token.RefreshToken, CancellationToken.None);
            LogStored(logger, key);
        }
        _tokens[key] = Copy(token);
    }

    /// <summary>The business's token: the cached access token while it may still be used, otherwise only the
    /// refresh token (the flow then refreshes). Null (default) when the business has no refresh token.</summary>
    public async Task<T> GetAsync<T>(string key)
    {
        if (typeof(T) != typeof(TokenResponse)) throw Unsupported<T>();
        if (!_tokens.TryGetValue(key, out var cached))
        {
            var refreshToken = await vault.GetRefreshTokenAsync(key, CancellationToken.None);
            if (refreshToken is null) return default!;
            cached = _tokens.GetOrAdd(key, new TokenResponse { RefreshToken = refreshToken });
        }
        var copy = Copy(cached);
        if (copy.AccessToken is not null && !MayBeUsed(copy))
        {
            copy.AccessToken = null;
            copy.ExpiresInSeconds = null;
        }
        return (T)(object)copy;
    }

    /// <summary>Deletes the business's refresh token from the vault and forgets its cached tokens (a disconnect).
    /// Beware: Google's flow calls this itself after any non-5xx answer of its token endpoint, including 429 and
    /// invalid_client from a mistyped client secret. Give the flow a wrapper that ignores its deletes when a
    /// transient error must not disconnect a business.</summary>
    public async Task DeleteAsync<T>(string key)
    {
        _tokens.TryRemove(key, out _);
        await vault.DeleteAsync(key, CancellationToken.None);
        // Again after the delete, in case a concurrent load cached the token meanwhile.
        _tokens.TryRemove(key, out _);
        LogDeleted(logger, key);
    }

    /// <summary>Not supported: the vault cannot list businesses, and wiping every connection at once is not
    /// something Turnos does.</summary>
    public Task ClearAsync() =>
        throw new NotSupportedException("The token vault deletes one business's token at a time (DeleteAsync).");

    // Google's credential stops using an access token 5 minutes before it expires (its "expiry window"); the
    // same margin here, computed on the shared clock because TokenResponse's own checks are internal or obsolete.
    private bool MayBeUsed(TokenResponse t) =>
        t.ExpiresInSeconds is { } seconds && t.IssuedUtc.AddSeconds(seconds) - ExpiryMargin > Clock.UtcNow;

    private static TokenResponse Copy(TokenResponse t) => new()
    {
        AccessToken = t.AccessToken,
        TokenType = t.TokenType,
        ExpiresInSeconds = t.ExpiresInSeconds,
        RefreshToken = t.RefreshToken,
        Scope = t.Scope,
        IdToken = t.IdToken,
        IssuedUtc = t.IssuedUtc,
    };

    private static NotSupportedException Unsupported<T>() =>
        new($"{nameof(VaultDataStore)} keeps only Google token responses, not {typeof(T).Name}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored a new Google refresh token for business {BusinessId}")]
    private static partial void LogStored(ILogger logger, string businessId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the Google refresh token of business {BusinessId}")]
    private static partial void LogDeleted(ILogger logger, string businessId);
}
