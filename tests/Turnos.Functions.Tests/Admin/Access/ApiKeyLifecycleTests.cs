using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Access;

[Collection("Azurite")]
public sealed class ApiKeyLifecycleTests(AzuriteFixture azurite)
{
    private const string CalendarStatus = $"/api/admin/businesses/{AccessApp.A}/calendar";

    [Fact]
    public async Task KeysOfEveryRole_AreCreatedUsedListedWithoutSecretsAndRevokedAtOnce()
    {
        await using var app = new AccessApp(azurite);
        var created = new Dictionary<string, JsonElement>();
        foreach (var role in new[] { "owner", "employee", "bot", "customer" })
        {
            var body = created[role] = await app.CreateKeyAsync(role, AccessApp.A, $"Key {role}");
            var key = body.GetProperty("key").GetString()!;
            Assert.Matches("^tn_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$", key);
            Assert.Equal($"tn_{body.GetProperty("id").GetString()}_", key[..16]);
            Assert.Equal(role, body.GetProperty("role").GetString());
            Assert.Equal(AccessApp.A, body.GetProperty("businessId").GetString());
            Assert.Equal($"Key {role}", body.GetProperty("name").GetString());
            Assert.Equal(app.Clock.GetUtcNow(), body.GetProperty("createdAt").GetDateTimeOffset());
        }

        string Key(string role) => created[role].GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.Client(Key("owner")).GetAsync($"/api/admin/businesses/{AccessApp.A}/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(Key("employee")).GetAsync(CalendarStatus)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client(Key("bot")).GetAsync(CalendarStatus)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client(Key("customer")).GetAsync(CalendarStatus)).StatusCode);

        var listText = await app.Platform.GetStringAsync($"/api/admin/businesses/{AccessApp.A}/keys");
        var list = JsonDocument.Parse(listText).RootElement;
        Assert.Equal(4, list.GetArrayLength());
        // Made in the same (test) instant, so in no particular order.
        Assert.Equal(["bot", "customer", "employee", "owner"], list.EnumerateArray().Select(k => k.GetProperty("role").GetString()).Order());
        Assert.All(list.EnumerateArray(), k => Assert.Equal("config", k.GetProperty("createdBy").GetString()));
        Assert.All(list.EnumerateArray(), k => Assert.False(k.TryGetProperty("key", out _)));
        Assert.DoesNotContain("hash", listText, StringComparison.OrdinalIgnoreCase);
        foreach (var body in created.Values) Assert.DoesNotContain(body.GetProperty("key").GetString()![16..], listText, StringComparison.Ordinal);

        foreach (var (role, body) in created)
        {
            var client = app.Client(Key(role));
            var before = await client.GetAsync(CalendarStatus); // warms the cache
            var revoke = await app.Platform.DeleteAsync($"/api/admin/businesses/{AccessApp.A}/keys/{body.GetProperty("id").GetString()}");
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
            var after = await client.GetAsync(CalendarStatus);
            Assert.NotEqual(HttpStatusCode.Unauthorized, before.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
            Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        }

        var revoked = JsonDocument.Parse(await app.Platform.GetStringAsync($"/api/admin/businesses/{AccessApp.A}/keys")).RootElement;
        Assert.All(revoked.EnumerateArray(), k => Assert.Equal(app.Clock.GetUtcNow(), k.GetProperty("revokedAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task TheTableAndTheLogs_NeverHoldAKey()
    {
        await using var app = new AccessApp(azurite);
        var keys = new List<string>();
        foreach (var role in new[] { "owner", "employee", "bot", "customer" }) keys.Add(await app.KeyAsync(role, AccessApp.A));
        var platform = await app.Platform.PostAsJsonAsync("/api/admin/keys", new { role = "platform", name = "ops" });
        keys.Add((await platform.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
        foreach (var key in keys) await app.Client(key).GetAsync(CalendarStatus);
        await app.Client(keys[0][..^2] + "xx").GetAsync(CalendarStatus); // a wrong secret

        var stored = await app.KeyTableTextAsync();
        Assert.Equal(5, stored.Count(v => v.Length == 44)); // one SHA-256 (base64) per key
        foreach (var key in keys)
        {
            var secret = key[16..];
            Assert.DoesNotContain(stored, v => v.Contains(secret, StringComparison.Ordinal) || v.Contains(key, StringComparison.Ordinal));
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(stored, v => v.Contains(TurnosFactory.AdminKey, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(TurnosFactory.AdminKey, StringComparison.Ordinal));
    }
}
