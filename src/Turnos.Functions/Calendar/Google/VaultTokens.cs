using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Util.Store;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>
/// The token vault (Google's <see cref="IDataStore"/>, keyed by business id) with deletes left to Turnos.
/// Google's flow deletes a user's stored token on any token-endpoint answer that is not a 5xx: a 429, or a
/// mistyped client secret (invalid_client), would wipe every business's connection one by one. Here a token
/// goes only when Turnos means it to: disconnect, or Google's invalid_grant.
/// </summary>
public sealed class VaultTokens(IDataStore vault) : IDataStore
{
    public Task<TokenResponse?> LoadAsync(string businessId) => vault.GetAsync<TokenResponse?>(businessId);

    public Task ForgetAsync(string businessId) => vault.DeleteAsync<TokenResponse>(businessId);

    public Task StoreAsync<T>(string key, T value) => vault.StoreAsync(key, value);

    public Task<T> GetAsync<T>(string key) => vault.GetAsync<T>(key);

    public Task DeleteAsync<T>(string key) => Task.CompletedTask;

    public Task ClearAsync() => throw new NotSupportedException("Clearing every business's Google connection at once is not something Turnos does.");
}
