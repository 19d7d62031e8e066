using System.Text;
using Turnos.Functions.Calendar.Vault;

namespace Turnos.Functions.Tests.Calendar.Vault;

public sealed class DataProtectionTokenVaultTests : IDisposable
{
    private const string Token = "1//0g-refresh-token-of-demo-salon";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "turnos-vault-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingLogger<DataProtectionTokenVault> _logger = new();

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }

    private DataProtectionTokenVault NewVault() => DataProtectionTokenVault.ForDataFolder(_dataFolder, _logger);

    private string TokenFile(string businessId) => Path.Combine(_dataFolder, "google-tokens", businessId + ".token");

    [Fact]
    public async Task SetThenGet_RoundTrip_ReturnsTheToken()
    {
        var vault = NewVault();

        await vault.SetRefreshTokenAsync("demo", Token, default);

        Assert.Equal(Token, await vault.GetRefreshTokenAsync("demo", default));
        Assert.Null(await vault.GetRefreshTokenAsync("other", default));
    }

    [Fact]
    public async Task Set_Twice_KeepsTheLatestAndNoTemporaryFiles()
    {
        var vault = NewVault();

        await vault.SetRefreshTokenAsync("demo", Token, default);
        await vault.SetRefreshTokenAsync("demo", "1//second", default);

        Assert.Equal("1//second", await vault.GetRefreshTokenAsync("demo", default));
        Assert.Equal([TokenFile("demo")], Directory.GetFiles(Path.Combine(_dataFolder, "google-tokens")));
    }

    [Fact]
    public async Task Set_FileOnDisk_DoesNotHoldTheTokenInClear()
    {
        await NewVault().SetRefreshTokenAsync("demo", Token, default);

        foreach (var file in Directory.GetFiles(_dataFolder, "*", SearchOption.AllDirectories))
        {
            var content = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(Token, Encoding.UTF8.GetString(content), StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)), Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        }
        Assert.True(File.Exists(TokenFile("demo")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dataFolder, "keys")));
    }

    [Fact]
    public async Task Get_NewProviderOverTheSameKeyFolder_ReadsTheToken()
    {
        await NewVault().SetRefreshTokenAsync("demo", Token, default);

        Assert.Equal(Token, await NewVault().GetRefreshTokenAsync("demo", default));
    }

    [Fact]
    public async Task Delete_Connected_RemovesTheFileAndTheToken()
    {
        var vault = NewVault();
        await vault.SetRefreshTokenAsync("demo", Token, default);

        await vault.DeleteAsync("demo", default);
        await vault.DeleteAsync("demo", default);

        Assert.False(File.Exists(TokenFile("demo")));
        Assert.Null(await vault.GetRefreshTokenAsync("demo", default));
    }

    [Fact]
    public async Task Get_FileCopiedFromAnotherBusiness_IsNotReadable()
    {
        var vault = NewVault();
        await vault.SetRefreshTokenAsync("salon-a", Token, default);
        File.Copy(TokenFile("salon-a"), TokenFile("salon-b"));

        Assert.Null(await vault.GetRefreshTokenAsync("salon-b", default));
        Assert.Contains(_logger.Lines, line => line.Contains("salon-b", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, line => line.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_KeysLost_TreatsTheBusinessAsNotConnected()
    {
        await NewVault().SetRefreshTokenAsync("demo", Token, default);
        Directory.Delete(Path.Combine(_dataFolder, "keys"), recursive: true);

        Assert.Null(await NewVault().GetRefreshTokenAsync("demo", default));
    }

    [Fact]
    public async Task Set_NotABusinessId_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => NewVault().SetRefreshTokenAsync("../keys/x", Token, default));

        Assert.False(Directory.Exists(Path.Combine(_dataFolder, "google-tokens")));
    }
}
