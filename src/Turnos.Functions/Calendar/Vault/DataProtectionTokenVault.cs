using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Turnos.Functions.Calendar.Vault;

/// <summary>
/// The local token store: one file per business under <c>{data folder}/google-tokens</c>, each encrypted with
/// ASP.NET Core Data Protection. Used when <c>KeyVault:Uri</c> is not set, so local runs need no cloud.
/// </summary>
public sealed partial class DataProtectionTokenVault(IDataProtectionProvider provider, string folder, ILogger<DataProtectionTokenVault> logger)
    : ITokenVault
{
    public const string Purpose = "Turnos.GoogleRefreshToken.v1";

    /// <summary>The vault over a data folder: token files in <c>google-tokens</c>, Data Protection keys in
    /// <c>keys</c>. The key ring is this store's own, not the app's: configuring Data Protection elsewhere in the
    /// app (or moving the app, which changes the default application discriminator) must never make stored
    /// tokens unreadable.</summary>
    public static DataProtectionTokenVault ForDataFolder(string dataFolder, ILogger<DataProtectionTokenVault> logger)
    {
        var provider = DataProtectionProvider.Create(
            new DirectoryInfo(Path.Combine(dataFolder, "keys")), builder => builder.SetApplicationName("Turnos"));
        return new DataProtectionTokenVault(provider, Path.Combine(dataFolder, "google-tokens"), logger);
    }

    public async Task<string?> GetRefreshTokenAsync(string businessId, CancellationToken ct)
    {
        var path = PathOf(businessId);
        string stored;
        try
        {
            stored = await File.ReadAllTextAsync(path, Encoding.ASCII, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        try
        {
            return ProtectorFor(businessId).Unprotect(stored.Trim());
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // Keys lost or replaced, or a file copied from another business: for the app that is "not connected".
            LogUnreadable(logger, businessId);
            return null;
        }
    }

    public async Task SetRefreshTokenAsync(string businessId, string refreshToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var path = PathOf(businessId);
        var bytes = Encoding.ASCII.GetBytes(ProtectorFor(businessId).Protect(refreshToken));
        Directory.CreateDirectory(folder);
        // Written beside the target and renamed over it, so a crash never leaves a half-written token.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var stream = new FileStream(temporary, options))
            {
                await stream.WriteAsync(bytes, ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public Task DeleteAsync(string businessId, CancellationToken ct)
    {
        var path = PathOf(businessId);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    private string PathOf(string businessId) => Path.Combine(folder, BusinessSecrets.FileName(businessId));

    // The business id is part of the purpose, so one business's file cannot be decrypted as another's.
    private IDataProtector ProtectorFor(string businessId) => provider.CreateProtector(Purpose, businessId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The stored Google refresh token of business {BusinessId} cannot be decrypted (Data Protection keys changed?); treating the business as not connected")]
    private static partial void LogUnreadable(ILogger logger, string businessId);
}
