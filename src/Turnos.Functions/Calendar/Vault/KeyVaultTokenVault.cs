using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Security.KeyVault.Secrets;

namespace Turnos.Functions.Calendar.Vault;

/// <summary>
/// Refresh tokens in Azure Key Vault, one secret per business (<c>google-refresh-{business id}</c>).
/// Reads are cached per business for a bounded time: writes through this instance replace the cached value at
/// once, other instances see them when the entry expires. Deleting soft-deletes the secret; storing a token
/// under a soft-deleted name recovers it first and then writes a new version (see <see cref="SetRefreshTokenAsync"/>).
/// </summary>
public sealed partial class KeyVaultTokenVault(
    SecretClient client, TimeProvider time, ILogger<KeyVaultTokenVault> logger, TimeSpan? cacheLifetime = null, TimeSpan? conflictDelay = null)
    : ITokenVault
{
    public static readonly TimeSpan DefaultCacheLifetime = TimeSpan.FromMinutes(10);

    private const int MaxConflictAttempts = 6;

    private readonly TimeSpan _lifetime = cacheLifetime ?? DefaultCacheLifetime;
    private readonly TimeSpan _conflictDelay = conflictDelay ?? TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (string? Token, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    // Bumped before every write, so a read that raced a write does not cache what it read before the write.
    private long _writes;

    /// <summary>Client options for the app: retries with exponential back-off that honour Key Vault's
    /// Retry-After on 429 and 503, and no content in Azure SDK logs.</summary>
    public static SecretClientOptions CreateClientOptions()
    {
        var options = new SecretClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(20);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        options.Diagnostics.IsLoggingContentEnabled = false;
        return options;
    }

    public async Task<string?> GetRefreshTokenAsync(string businessId, CancellationToken ct)
    {
        var name = BusinessSecrets.SecretName(businessId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name, out var hit) && hit.Until > now) return hit.Token;

        var writes = Interlocked.Read(ref _writes);
        string? token;
        try
        {
            token = (await client.GetSecretAsync(name, cancellationToken: ct)).Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            token = null;
        }
        catch (RequestFailedException e)
        {
            throw Failure("read", businessId, e);
        }
        if (Interlocked.Read(ref _writes) == writes) _cache[name] = (token, now + _lifetime);
        return token;
    }

    /// <summary>Writes a new version of the business's secret. A secret deleted earlier (a disconnect) still
    /// holds its name while soft-deleted, and Key Vault answers 409 to a set; it is then recovered and
    /// overwritten, which needs no purge permission and works with purge protection on. The recovered old
    /// versions hold tokens that were revoked at disconnect.</summary>
    public async Task SetRefreshTokenAsync(string businessId, string refreshToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var name = BusinessSecrets.SecretName(businessId);
        Interlocked.Increment(ref _writes);
        _cache.TryRemove(name, out _);
        var secret = new KeyVaultSecret(name, refreshToken);
        secret.Properties.ContentType = "application/vnd.turnos.google-refresh-token";
        secret.Properties.Tags["business"] = businessId;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.SetSecretAsync(secret, ct);
                break;
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < MaxConflictAttempts)
            {
                // Deleted but recoverable, being deleted or being recovered: only the first can be acted on.
                if (!await TryRecoverAsync(name, businessId, ct))
                    await Task.Delay(_conflictDelay * attempt, time, ct);
            }
            catch (RequestFailedException e)
            {
                throw Failure("store", businessId, e);
            }
        }
        _cache[name] = (refreshToken, time.GetUtcNow() + _lifetime);
    }

    /// <summary>Soft-deletes the secret (Key Vault keeps it for its retention period unless purged by an
    /// operator). Does not wait for the deletion to finish: a reconnect meanwhile is handled by the set.</summary>
    public async Task DeleteAsync(string businessId, CancellationToken ct)
    {
        var name = BusinessSecrets.SecretName(businessId);
        Interlocked.Increment(ref _writes);
        _cache.TryRemove(name, out _);
        try
        {
            await client.StartDeleteSecretAsync(name, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone (or already being deleted): the outcome is the same.
        }
        catch (RequestFailedException e)
        {
            throw Failure("delete", businessId, e);
        }
        _cache[name] = (null, time.GetUtcNow() + _lifetime);
    }

    private async Task<bool> TryRecoverAsync(string name, string businessId, CancellationToken ct)
    {
        try
        {
            var operation = await client.StartRecoverDeletedSecretAsync(name, ct);
            await operation.WaitForCompletionAsync(_conflictDelay, ct);
            LogRecovered(logger, businessId);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409)
        {
            // Not (yet) in the deleted state, or someone else is recovering it: wait and set again.
            return false;
        }
        catch (RequestFailedException e)
        {
            throw Failure("recover", businessId, e);
        }
    }

    // The SDK's exception carries the response body and headers; Key Vault does not echo values there, but
    // only the status and error code are kept so no token can ever travel in a message.
    private static TokenVaultException Failure(string operation, string businessId, RequestFailedException e) =>
        new($"Key Vault could not {operation} the Google refresh token of business '{businessId}': HTTP {e.Status} {e.ErrorCode}.");

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Recovered the soft-deleted Key Vault secret of business {BusinessId} to store a new refresh token in it")]
    private static partial void LogRecovered(ILogger logger, string businessId);
}
