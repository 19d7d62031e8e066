using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Google.Apis.Util.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Turnos.Functions.Calendar.Vault;

public static class TokenVaultSetup
{
    public const string KeyVaultUriSetting = "KeyVault:Uri";
    public const string DataFolderSetting = "Turnos:DataFolder";
    public const string ManagedIdentityClientIdSetting = "Storage:ManagedIdentityClientId";

    /// <summary>Registers <see cref="ITokenVault"/> (Key Vault when <c>KeyVault:Uri</c> is set, otherwise the
    /// Data Protection store under <c>Turnos:DataFolder</c>) and <see cref="VaultDataStore"/> for Google's flow
    /// (also as <see cref="IDataStore"/>), all singletons. Settings are validated at start.</summary>
    public static IServiceCollection AddTokenVault(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when the options are first needed, not now, so settings added after this call (tests) still count.
        services.AddOptions<TokenVaultOptions>()
            .Configure<IHostEnvironment>((o, environment) =>
            {
                o.KeyVaultUri = configuration[KeyVaultUriSetting];
                o.ManagedIdentityClientId = configuration[ManagedIdentityClientIdSetting];
                var folder = configuration[DataFolderSetting];
                o.DataFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? ".data" : folder, environment.ContentRootPath);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ITokenVault>(CreateVault);
        services.AddSingleton<VaultDataStore>();
        services.AddSingleton<IDataStore>(provider => provider.GetRequiredService<VaultDataStore>());
        return services;
    }

    private static ITokenVault CreateVault(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TokenVaultOptions>>().Value;
        if (!options.UsesKeyVault)
            return DataProtectionTokenVault.ForDataFolder(options.DataFolder, services.GetRequiredService<ILogger<DataProtectionTokenVault>>());

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        var client = new SecretClient(new Uri(options.KeyVaultUri!), credential, KeyVaultTokenVault.CreateClientOptions());
        return new KeyVaultTokenVault(client, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<KeyVaultTokenVault>>());
    }
}
