using System.Diagnostics;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using Turnos.Functions.Calendar.Vault;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Vault;

public sealed class KeyVaultTokenVaultTests : IAsyncLifetime
{
    private const string Token = "1//0g-refresh-token-of-demo-salon";

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<KeyVaultTokenVault> _logger = new();
    private FakeKeyVault _server = null!;

    public async Task InitializeAsync() => _server = await FakeKeyVault.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private KeyVaultTokenVault NewVault() => new(_server.CreateClient(), _time, _logger, conflictDelay: TimeSpan.FromMilliseconds(20));

    [Fact]
    public async Task SetGetDelete_RoundTrip_StoresOneSecretPerBusinessAndRemovesIt()
    {
        var vault = NewVault();

        await vault.SetRefreshTokenAsync("demo", Token, default);
        Assert.Equal(Token, _server.Value("google-refresh-demo"));
        Assert.Equal(Token, await NewVault().GetRefreshTokenAsync("demo", default));

        await vault.DeleteAsync("demo", default);
        Assert.Null(_server.Value("google-refresh-demo"));
        Assert.True(_server.IsSoftDeleted("google-refresh-demo"));
        Assert.Null(await vault.GetRefreshTokenAsync("demo", default));
        Assert.Null(await NewVault().GetRefreshTokenAsync("demo", default));
        Assert.DoesNotContain(_logger.Lines, line => line.Contains(Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetRefreshToken_Challenge_AuthenticatesWithTheTenantAndScopeKeyVaultNames(bool scopeForm)
    {
        _server.ChallengeWithScope = scopeForm;
        _server.Seed("google-refresh-demo", Token);

        Assert.Equal(Token, await NewVault().GetRefreshTokenAsync("demo", default));

        var asked = Assert.Single(_server.Credential.Requests);
        Assert.Equal(["https://vault.azure.net/.default"], asked.Scopes);
        Assert.Equal(FakeKeyVault.Tenant, asked.TenantId);
        Assert.Equal(2, _server.Count("GET", "/secrets/google-refresh-demo")); // the 401 challenge, then with the token
    }

    [Fact]
    public async Task GetRefreshToken_ReadAgain_ServedFromMemoryUntilTheCacheExpires()
    {
        _server.Seed("google-refresh-demo", Token);
        var vault = NewVault();
        await vault.GetRefreshTokenAsync("demo", default);
        var reads = _server.Count("GET", "/secrets/");

        Assert.Equal(Token, await vault.GetRefreshTokenAsync("demo", default));
        Assert.Equal(reads, _server.Count("GET", "/secrets/"));

        _server.Seed("google-refresh-demo", "1//rotated-by-another-instance");
        _time.Advance(KeyVaultTokenVault.DefaultCacheLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal("1//rotated-by-another-instance", await vault.GetRefreshTokenAsync("demo", default));
        Assert.Equal(reads + 1, _server.Count("GET", "/secrets/"));
    }

    [Fact]
    public async Task GetRefreshToken_NotConnected_CachesTheAbsence()
    {
        var vault = NewVault();
        Assert.Null(await vault.GetRefreshTokenAsync("demo", default));
        var reads = _server.Count("GET", "/secrets/");

        Assert.Null(await vault.GetRefreshTokenAsync("demo", default));
        Assert.Equal(reads, _server.Count("GET", "/secrets/"));
    }

    [Fact]
    public async Task SetRefreshToken_AfterDelete_RecoversTheDeletedSecretAndStoresTheNewToken()
    {
        var vault = NewVault();
        await vault.SetRefreshTokenAsync("demo", Token, default);
        await vault.DeleteAsync("demo", default);

        await vault.SetRefreshTokenAsync("demo", "1//after-reconnect", default);

        Assert.Equal(1, _server.Count("POST", "/deletedsecrets/google-refresh-demo/recover"));
        Assert.False(_server.IsSoftDeleted("google-refresh-demo"));
        Assert.Equal("1//after-reconnect", _server.Value("google-refresh-demo"));
        Assert.Equal("1//after-reconnect", await vault.GetRefreshTokenAsync("demo", default));
        Assert.Equal("1//after-reconnect", await NewVault().GetRefreshTokenAsync("demo", default));
    }

    [Fact]
    public async Task SetRefreshToken_Throttled_WaitsRetryAfterAndSucceeds()
    {
        var vault = NewVault();
        await vault.GetRefreshTokenAsync("warm-up", default); // the challenge handshake, outside the timing
        _server.Throttle(times: 1, retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();

        await vault.SetRefreshTokenAsync("demo", Token, default);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
        Assert.Equal(2, _server.Count("PUT", "/secrets/google-refresh-demo"));
        Assert.Equal(Token, _server.Value("google-refresh-demo"));
    }

    [Fact]
    public async Task Tokens_TwoBusinesses_KeptApartAndDeletedApart()
    {
        var vault = NewVault();
        await vault.SetRefreshTokenAsync("salon-a", "1//token-a", default);
        await vault.SetRefreshTokenAsync("salon-b", "1//token-b", default);

        await vault.DeleteAsync("salon-a", default);

        Assert.Null(await NewVault().GetRefreshTokenAsync("salon-a", default));
        Assert.Equal("1//token-b", await NewVault().GetRefreshTokenAsync("salon-b", default));
    }

    [Fact]
    public async Task SetRefreshToken_Refused_ExceptionAndLogsNeverHoldTheToken()
    {
        _server.RefuseSet = _ => 400;
        var lines = new List<string>();
        using (new AzureEventSourceListener((_, message) => { lock (lines) lines.Add(message); }, EventLevel.Verbose))
        {
            var failure = await Assert.ThrowsAsync<TokenVaultException>(() => NewVault().SetRefreshTokenAsync("demo", Token, default));

            Assert.Contains("'demo'", failure.Message, StringComparison.Ordinal);
            Assert.Contains("400", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, failure.ToString(), StringComparison.Ordinal);
        }
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line => line.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, line => line.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_NeverConnected_DoesNothing()
    {
        await NewVault().DeleteAsync("demo", default);

        Assert.False(_server.IsSoftDeleted("google-refresh-demo"));
    }

    [Theory]
    [InlineData("Demo")]
    [InlineData("../demo")]
    [InlineData("")]
    public async Task GetRefreshToken_NotABusinessId_ThrowsWithoutCallingKeyVault(string businessId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => NewVault().GetRefreshTokenAsync(businessId, default));

        Assert.Empty(_server.Requests);
    }
}
