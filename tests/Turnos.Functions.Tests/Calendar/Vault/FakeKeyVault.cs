using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Calendar.Vault;

using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Vault;

/// <summary>
/// Key Vault's secrets REST API, the subset <see cref="SecretClient"/> uses for set, get, soft delete and
/// recover, on 127.0.0.1 over HTTPS (Azure.Core sends bearer tokens only over TLS) with a throwaway certificate,
/// as the storage tests' FakeTableServer does. Requests without the fake credential's token get Key Vault's
/// 401 challenge.
/// </summary>
internal sealed partial class FakeKeyVault : IAsyncDisposable
{
    public const string Tenant = "72f988bf-0000-4000-8000-00000000tenant";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private int _throttled;
    private int _retryAfterSeconds;

    private FakeKeyVault(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    public Uri VaultUri { get; private set; } = null!;

    public FakeCredential Credential { get; } = new();

    /// <summary>Answer challenges with <c>scope="…/.default"</c> instead of <c>resource="…"</c>.</summary>
    public bool ChallengeWithScope { get; set; }

    /// <summary>Every request as "METHOD /path", including challenged and throttled ones.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>When set, a secret set whose value it is given is refused with this status, and the message
    /// echoes the value (worse than Key Vault, to prove nothing from a response reaches an exception).</summary>
    public Func<string, int?>? RefuseSet { get; set; }

    public static async Task<FakeKeyVault> StartAsync()
    {
        var certificate = LoopbackServer.CreateCertificate();
        FakeKeyVault? vault = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.Run(context => vault!.HandleAsync(context)), certificate);
        vault = new FakeKeyVault(app, certificate) { VaultUri = new Uri(address + "/") };
        return vault;
    }

    /// <summary>The next <paramref name="times"/> authorized requests get 429 with Retry-After.</summary>
    public void Throttle(int times, int retryAfterSeconds)
    {
        _retryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _throttled, times);
    }

    public int Count(string method, string pathStart) =>
        Requests.Count(r => r.StartsWith($"{method} {pathStart}", StringComparison.Ordinal));

    /// <summary>A real <see cref="SecretClient"/> with the app's options, trusting only this server's
    /// certificate. The challenge names vault.azure.net while the host is 127.0.0.1, so the SDK's check that
    /// the challenge's resource matches the vault's domain is turned off; it stays on in the app.</summary>
    public SecretClient CreateClient()
    {
        var options = KeyVaultTokenVault.CreateClientOptions();
        options.Transport = new HttpClientTransport(LoopbackServer.Trusting(_certificate));
        options.DisableChallengeResourceVerification = true;
        return new SecretClient(VaultUri, Credential, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}

/// <summary>Stands in for DefaultAzureCredential: hands out a fixed token and records what was asked for.</summary>
internal sealed class FakeCredential : TokenCredential
{
    public const string Token = "entra-access-token-for-tests";

    public ConcurrentQueue<TokenRequestContext> Requests { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Requests.Enqueue(requestContext);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
