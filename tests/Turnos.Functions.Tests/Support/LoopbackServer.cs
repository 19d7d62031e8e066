using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Turnos.Functions.Tests.Support;

/// <summary>
/// The in-process servers that stand in for cloud services (Google, OpenAI, Key Vault, Table Storage, an OTLP
/// collector): a slim web app on 127.0.0.1 and a free port, over HTTPS with a throwaway certificate when the
/// client sends bearer tokens (Azure.Core only does so over TLS).
/// </summary>
internal static class LoopbackServer
{
    /// <summary>Starts the app once <paramref name="configure"/> has mapped its handlers; returns it and its
    /// base address ("http(s)://127.0.0.1:port", no trailing slash).</summary>
    public static async Task<(WebApplication App, string Address)> StartAsync(Action<WebApplication> configure, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null) listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PFX so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A handler that trusts publicly valid certificates and this one certificate, nothing else.</summary>
    public static HttpClientHandler Trusting(X509Certificate2 certificate)
    {
        var thumbprint = certificate.Thumbprint;
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, errors) => errors == SslPolicyErrors.None || cert?.Thumbprint == thumbprint,
        };
    }
}
