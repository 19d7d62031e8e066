using Google.Apis.Util.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Turnos.Functions.Calendar;
using Turnos.Functions.Calendar.Vault;

namespace Turnos.Functions.Tests.Calendar.Vault;

public sealed class TokenVaultSetupTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "turnos-setup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot)) Directory.Delete(_contentRoot, recursive: true);
    }

    private ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _contentRoot, EnvironmentName = "Development" });
        services.AddTokenVault(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddTokenVault_NoKeyVault_EncryptsUnderTheDefaultDataFolder()
    {
        using var provider = Build();

        var vault = provider.GetRequiredService<ITokenVault>();
        await vault.SetRefreshTokenAsync("demo", "1//0g-token", default);

        Assert.IsType<DataProtectionTokenVault>(vault);
        Assert.True(File.Exists(Path.Combine(_contentRoot, ".data", "google-tokens", "demo.token")));
        Assert.Same(provider.GetRequiredService<VaultDataStore>(), provider.GetRequiredService<IDataStore>());
    }

    [Fact]
    public void AddTokenVault_RelativeDataFolder_ResolvedAgainstTheContentRoot()
    {
        using var provider = Build(("Turnos:DataFolder", "state"));

        Assert.Equal(Path.Combine(_contentRoot, "state"), provider.GetRequiredService<IOptions<TokenVaultOptions>>().Value.DataFolder);
    }

    [Fact]
    public void AddTokenVault_KeyVaultUri_UsesKeyVaultWithoutCallingIt()
    {
        using var provider = Build(("KeyVault:Uri", "https://turnos-kv.vault.azure.net/"), ("Storage:ManagedIdentityClientId", "00000000-0000-0000-0000-000000000001"));

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<KeyVaultTokenVault>(provider.GetRequiredService<ITokenVault>());
    }

    [Theory]
    [InlineData("http://turnos-kv.vault.azure.net/")]
    [InlineData("turnos-kv.vault.azure.net")]
    public void AddTokenVault_KeyVaultUriNotHttps_FailsAtStartNamingTheSetting(string uri)
    {
        using var provider = Build(("KeyVault:Uri", uri));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("KeyVault:Uri", failure.Message, StringComparison.Ordinal);
    }
}
