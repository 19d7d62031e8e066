using Azure.Data.Tables;
using Turnos.Functions.Admin;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Admin.Access;

[Collection("Azurite")]
public sealed class ApiKeyStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AKeyRevokedElsewhere_StopsWorkingWhenTheCacheRunsOut()
    {
        await using var app = new AccessApp(azurite);
        var (id, key) = await app.Keys.CreateAsync(ApiRole.Bot, AccessApp.A, "bot", null, default);
        Assert.Equal(new ApiCaller(id, ApiRole.Bot, AccessApp.A), await app.Keys.AuthenticateAsync(key, default));

        // Another instance revokes it: only the table changes here.
        await app.KeyTable.TryUpdateAsync(new TableEntity("key", id) { ["RevokedUtc"] = app.Clock.GetUtcNow() }, Azure.ETag.All, TableUpdateMode.Merge);
        var cached = await app.Keys.AuthenticateAsync(key, default);
        app.Clock.Advance(ApiKeyStore.CacheFor);
        var fresh = await app.Keys.AuthenticateAsync(key, default);

        Assert.NotNull(cached);
        Assert.Null(fresh);
        Assert.True(ApiKeyStore.CacheFor <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Revoke_CountsAtOnceOnThisInstance_AndTheRowStays()
    {
        await using var app = new AccessApp(azurite);
        var (id, key) = await app.Keys.CreateAsync(ApiRole.Owner, AccessApp.A, "owner", "creator1", default);
        await app.Keys.AuthenticateAsync(key, default);

        Assert.True(await app.Keys.RevokeAsync(id, default));
        Assert.Null(await app.Keys.AuthenticateAsync(key, default));
        Assert.True(await app.Keys.RevokeAsync(id, default));
        Assert.False(await app.Keys.RevokeAsync("unknownkey12", default));
        Assert.False(await app.Keys.RevokeAsync("not/an?id#", default));
        var info = Assert.Single(await app.Keys.ListAsync(AccessApp.A, default));
        Assert.Equal((id, ApiRole.Owner, "owner", "creator1"), (info.Id, info.Role, info.Name, info.CreatedBy));
        Assert.True(info.Revoked);
    }

    [Fact]
    public async Task List_FiltersByBusiness_OrGivesEveryKey()
    {
        await using var app = new AccessApp(azurite);
        await app.Keys.CreateAsync(ApiRole.Platform, null, "ops", null, default);
        await app.Keys.CreateAsync(ApiRole.Customer, AccessApp.A, "web", null, default);
        await app.Keys.CreateAsync(ApiRole.Bot, AccessApp.B, "bot", null, default);

        Assert.Equal([ApiRole.Customer], (await app.Keys.ListAsync(AccessApp.A, default)).Select(k => k.Role));
        Assert.Equal([ApiRole.Bot], (await app.Keys.ListAsync(AccessApp.B, default)).Select(k => k.Role));
        Assert.Equal(3, (await app.Keys.ListAsync(null, default)).Count);
    }

    [Fact]
    public async Task Create_RefusesAScopeThatDoesNotFitTheRole()
    {
        await using var app = new AccessApp(azurite);

        await Assert.ThrowsAsync<ArgumentException>(() => app.Keys.CreateAsync(ApiRole.Platform, AccessApp.A, "x", null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => app.Keys.CreateAsync(ApiRole.Owner, null, "x", null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => app.Keys.CreateAsync(ApiRole.Owner, AccessApp.A, " ", null, default));
    }

    [Fact]
    public async Task Authenticate_IgnoresWhatIsNotAKey()
    {
        await using var app = new AccessApp(azurite);
        var (_, key) = await app.Keys.CreateAsync(ApiRole.Owner, AccessApp.A, "owner", null, default);
        var notKeys = new[]
        {
            null, "", "tn_", "tn_abcdefghijkl", key.ToUpperInvariant(), key + "A", key[..^1], " " + key, key.Replace('_', '-'),
            "tn_ABCDEFGHIJKL_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new string('a', 100_000),
        };

        foreach (var bearer in notKeys) Assert.Null(await app.Keys.AuthenticateAsync(bearer, default));
        Assert.NotNull(await app.Keys.AuthenticateAsync(key, default));
    }
}
