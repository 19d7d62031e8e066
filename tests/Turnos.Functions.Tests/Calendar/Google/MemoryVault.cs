using System.Collections.Concurrent;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Util.Store;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

/// <summary>The token vault in memory: one refresh token per business.</summary>
internal sealed class MemoryTokenVault : ITokenVault
{
    public ConcurrentDictionary<string, string> RefreshTokens { get; } = new();

    public Task<string?> GetRefreshTokenAsync(string businessId, CancellationToken ct) =>
        Task.FromResult(RefreshTokens.TryGetValue(businessId, out var token) ? token : null);

    public Task SetRefreshTokenAsync(string businessId, string refreshToken, CancellationToken ct)
    {
        RefreshTokens[businessId] = refreshToken;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string businessId, CancellationToken ct)
    {
        RefreshTokens.TryRemove(businessId, out _);
        return Task.CompletedTask;
    }
}

/// <summary>Google's data store over the vault as the app's store behaves: the refresh token goes to the vault
/// (a token without one is refused), the whole token response stays in memory.</summary>
internal sealed class MemoryVaultDataStore(ITokenVault vault) : IDataStore
{
    private readonly ConcurrentDictionary<string, TokenResponse> _cache = new();

    public int Deletes;

    public async Task StoreAsync<T>(string key, T value)
    {
        var token = (TokenResponse)(object)value!;
        if (string.IsNullOrEmpty(token.RefreshToken)) throw new InvalidOperationException("No refresh token for " + key);
        await vault.SetRefreshTokenAsync(key, token.RefreshToken, CancellationToken.None);
        _cache[key] = token;
    }

    public async Task<T> GetAsync<T>(string key)
    {
        if (_cache.TryGetValue(key, out var cached)) return (T)(object)cached;
        var refresh = await vault.GetRefreshTokenAsync(key, CancellationToken.None);
        return refresh is null ? default! : (T)(object)new TokenResponse { RefreshToken = refresh };
    }

    public async Task DeleteAsync<T>(string key)
    {
        Interlocked.Increment(ref Deletes);
        _cache.TryRemove(key, out _);
        await vault.DeleteAsync(key, CancellationToken.None);
    }

    public Task ClearAsync() => throw new NotSupportedException();
}
