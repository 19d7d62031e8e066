using System.Net;
using System.Text.Json;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Observability;
using Turnos.Functions.Tests.Calendar.Vault;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Observability;

/// <summary><c>/api/health</c> is alive without touching anything; <c>/api/health/ready</c> checks storage and, when
/// <c>KeyVault:Uri</c> is set, Key Vault.</summary>
[Collection("Azurite")]
public sealed class ReadinessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Ready_WithAzurite_Is200AndNamesEachCheck()
    {
        await using var app = await ObservedApp.StartAsync(azurite);

        var response = await app.Client.GetAsync("/api/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("storage").GetString());
        Assert.False(body.GetProperty("checks").TryGetProperty("keyVault", out _)); // not used locally
    }

    [Fact]
    public async Task StorageGone_ReadyIs503NamingStorage_WhileAliveStays200()
    {
        using var storage = new TcpRelay(azurite.Port);
        var connection = azurite.ConnectionString.Replace($"127.0.0.1:{azurite.Port}", $"127.0.0.1:{storage.Port}", StringComparison.Ordinal);
        Assert.NotEqual(azurite.ConnectionString, connection);
        await using var app = await ObservedApp.StartAsync(azurite, new Dictionary<string, string?> { ["Storage:ConnectionString"] = connection });
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health/ready")).StatusCode);

        storage.Close();
        var ready = await app.Client.GetAsync("/api/health/ready");
        var alive = await app.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("application/problem+json", ready.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("storage: ", problem.GetProperty("detail").GetString());
        Assert.NotEqual("ok", problem.GetProperty("checks").GetProperty("storage").GetString());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("ok", JsonDocument.Parse(await alive.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task KeyVaultSet_ReadyReadsAProbeSecret_AndA404CountsAsReachable()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        await using var app = await ObservedApp.StartAsync(azurite, new Dictionary<string, string?> { ["KeyVault:Uri"] = vault.VaultUri.ToString() },
            s => s.AddSingleton(vault.CreateClient()));

        var response = await app.Client.GetAsync("/api/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("ok", checks.GetProperty("keyVault").GetString());
        Assert.Equal("ok", checks.GetProperty("storage").GetString());
        Assert.Contains($"GET /secrets/{KeyVaultReadiness.ProbeSecretName}", vault.Requests);
    }

    [Fact]
    public async Task KeyVaultUnreachable_ReadyIs503NamingKeyVault()
    {
        using var closed = new TcpRelay(azurite.Port);
        closed.Close();
        var options = new SecretClientOptions();
        options.Retry.MaxRetries = 0;
        var uri = new Uri($"https://127.0.0.1:{closed.Port}/");
        await using var app = await ObservedApp.StartAsync(azurite, new Dictionary<string, string?> { ["KeyVault:Uri"] = uri.ToString() },
            s => s.AddSingleton(new SecretClient(uri, new FakeCredential(), options)));

        var response = await app.Client.GetAsync("/api/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("keyVault: ", problem.GetProperty("detail").GetString());
        Assert.Equal("ok", problem.GetProperty("checks").GetProperty("storage").GetString());
    }
}
