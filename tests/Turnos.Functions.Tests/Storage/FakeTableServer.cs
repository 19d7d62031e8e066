using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Storage;

using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Storage;

/// <summary>
/// A tiny HTTPS server on 127.0.0.1 with a throwaway self-signed certificate (bearer tokens are only
/// sent over TLS). It records each request and answers through the handler the test gives it.
/// </summary>
internal sealed class FakeTableServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private FakeTableServer(WebApplication app, X509Certificate2 certificate, Uri baseUri)
    {
        _app = app;
        _certificate = certificate;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeTableServer> StartAsync(Func<HttpContext, int, Task> respond)
    {
        var certificate = LoopbackServer.CreateCertificate();
        FakeTableServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            server!.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
            await respond(context, server.Requests.Count);
        }), certificate);
        server = new FakeTableServer(app, certificate, new Uri(address + "/acct"));
        return server;
    }

    /// <summary>The app's client options, trusting only this server's certificate and retrying without long waits.</summary>
    public TableClientOptions ClientOptions()
    {
        var options = TableClientSetup.Options();
        options.Transport = new HttpClientTransport(LoopbackServer.Trusting(_certificate));
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}

internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
