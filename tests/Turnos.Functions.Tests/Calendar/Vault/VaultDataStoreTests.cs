using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Turnos.Functions.Calendar.Vault;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Vault;

/// <summary>The store driven by Google's own <see cref="GoogleAuthorizationCodeFlow"/> against a fake token endpoint.</summary>
public sealed class VaultDataStoreTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingVault _vault = new();
    private readonly RecordingLogger<VaultDataStore> _logger = new();
    private FakeGoogleTokenEndpoint _google = null!;
    private VaultDataStore _store = null!;
    private GoogleAuthorizationCodeFlow _flow = null!;

    public async Task InitializeAsync()
    {
        _google = await FakeGoogleTokenEndpoint.StartAsync();
        _store = new VaultDataStore(_vault, _time, _logger);
        _flow = _google.CreateFlow(_store, _store);
    }

    public async Task DisposeAsync()
    {
        _flow.Dispose();
        await _google.DisposeAsync();
    }

    /// <summary>What the calendar client does per call: load the business's token, wrap it, ask for access.</summary>
    private async Task<string?> AccessTokenAsync(string businessId)
    {
        var token = await _flow.LoadTokenAsync(businessId, default);
        if (token is null) return null;
        return await new UserCredential(_flow, businessId, token).GetAccessTokenForRequestAsync(cancellationToken: default);
    }

    [Fact]
    public async Task GetAccessToken_RepeatedCalls_RefreshOnceReuseAndReadTheVaultOnce()
    {
        _vault["demo"] = FakeGoogleTokenEndpoint.IssuedRefreshToken;

        var first = await AccessTokenAsync("demo");
        var again = await AccessTokenAsync("demo");
        _time.Advance(TimeSpan.FromMinutes(50));
        var later = await AccessTokenAsync("demo");

        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.Equal(first, later);
        Assert.Equal(1, _google.Refreshes);
        Assert.Equal(1, _vault.Reads);
        Assert.Equal(0, _vault.Writes);
    }

    [Fact]
    public async Task GetAccessToken_AfterExpiry_RefreshesAgainWithoutReadingTheVault()
    {
        _vault["demo"] = FakeGoogleTokenEndpoint.IssuedRefreshToken;
        var first = await AccessTokenAsync("demo");

        _time.Advance(TimeSpan.FromMinutes(56));
        var second = await AccessTokenAsync("demo");
        var reused = await AccessTokenAsync("demo");

        Assert.NotEqual(first, second);
        Assert.Equal(second, reused);
        Assert.Equal(2, _google.Refreshes);
        Assert.Equal(1, _vault.Reads);
        Assert.Equal(0, _vault.Writes);
    }

    [Fact]
    public async Task ExchangeCode_Connect_PersistsOnlyTheRefreshTokenAndReusesTheAccessToken()
    {
        await _flow.ExchangeCodeForTokenAsync("demo", FakeGoogleTokenEndpoint.GoodCode, "https://turnos.example/api/oauth/google/callback", default);

        Assert.Equal(FakeGoogleTokenEndpoint.IssuedRefreshToken, _vault["demo"]);
        Assert.Equal(1, _vault.Writes);
        Assert.Equal("ya29.at-connect", await AccessTokenAsync("demo"));
        Assert.Equal(0, _google.Refreshes);
        Assert.Equal(0, _vault.Reads);
    }

    [Fact]
    public async Task ExchangeCode_NoRefreshTokenFromGoogle_FailsAndStoresNothing()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _flow.ExchangeCodeForTokenAsync(
            "demo", FakeGoogleTokenEndpoint.CodeWithoutRefreshToken, "https://turnos.example/api/oauth/google/callback", default));

        Assert.Contains("offline", failure.Message, StringComparison.Ordinal);
        Assert.Null(_vault["demo"]);
        Assert.Null(await _flow.LoadTokenAsync("demo", default));
    }

    [Fact]
    public async Task LoadToken_NotConnected_ReturnsNull()
    {
        Assert.Null(await _flow.LoadTokenAsync("demo", default));
    }

    [Fact]
    public async Task Refresh_GoogleRotatesTheRefreshToken_StoresTheNewOne()
    {
        _vault["demo"] = FakeGoogleTokenEndpoint.IssuedRefreshToken;
        _google.RotateTo = "1//0g-rotated";

        await AccessTokenAsync("demo");

        Assert.Equal("1//0g-rotated", _vault["demo"]);
        Assert.Equal(1, _vault.Writes);
        Assert.Contains(_logger.Lines, line => line.Contains("demo", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, line => line.Contains("1//0g", StringComparison.Ordinal) || line.Contains("ya29", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refresh_InvalidGrant_FlowDeletesTheTokenFromTheVault()
    {
        _vault["demo"] = "1//0g-revoked-by-the-user";

        var failure = await Assert.ThrowsAsync<TokenResponseException>(() => AccessTokenAsync("demo"));

        Assert.Equal("invalid_grant", failure.Error.Error);
        Assert.DoesNotContain("1//0g", failure.ToString(), StringComparison.Ordinal);
        Assert.Null(_vault["demo"]);
        Assert.Null(await _flow.LoadTokenAsync("demo", default));
    }

    [Fact]
    public async Task GetAccessToken_TwoBusinesses_EachUsesItsOwnRefreshToken()
    {
        _vault["salon-a"] = FakeGoogleTokenEndpoint.IssuedRefreshToken;
        _vault["salon-b"] = "1//0g-salon-b-token";
        _google.Valid.TryAdd("1//0g-salon-b-token", true);

        var a = await AccessTokenAsync("salon-a");
        var b = await AccessTokenAsync("salon-b");

        Assert.Equal(FakeGoogleTokenEndpoint.IssuedRefreshToken, _google.IssuedFor[a!]);
        Assert.Equal("1//0g-salon-b-token", _google.IssuedFor[b!]);
        Assert.Equal(a, await AccessTokenAsync("salon-a"));
        Assert.Equal(2, _google.Refreshes);
    }

    [Fact]
    public async Task Delete_Disconnect_RemovesFromVaultAndMemory()
    {
        await _flow.ExchangeCodeForTokenAsync("demo", FakeGoogleTokenEndpoint.GoodCode, "https://turnos.example/cb", default);

        await _store.DeleteAsync<TokenResponse>("demo");

        Assert.Null(_vault["demo"]);
        Assert.Null(await _flow.LoadTokenAsync("demo", default));
    }

    [Fact]
    public async Task Store_OtherTypesAndClear_NotSupported()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => _store.StoreAsync("demo", "text"));
        await Assert.ThrowsAsync<NotSupportedException>(() => _store.GetAsync<string>("demo"));
        await Assert.ThrowsAsync<NotSupportedException>(() => _store.ClearAsync());
    }
}
