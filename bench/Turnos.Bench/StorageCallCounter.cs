using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Bench;

/// <summary>
/// A pass-through HTTP proxy in front of Azurite that counts the requests the app makes, so the bench can say how
/// many storage calls a webhook turn costs. The request target is forwarded byte for byte, so Shared Key
/// signatures (which cover the path, not the host) stay valid.
/// </summary>
internal sealed class StorageCallCounter : IAsyncDisposable
{
    private static readonly HashSet<string> Hop = new(StringComparer.OrdinalIgnoreCase) { "Host", "Transfer-Encoding", "Connection" };
    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private int _count;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _kinds = new();

    private StorageCallCounter(WebApplication app, HttpClient client, string connectionString)
    {
        _app = app;
        _client = client;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Calls so far by kind: method and table (the path up to its key or query), e.g. <c>GET messages()</c>.</summary>
    public IReadOnlyDictionary<string, int> Kinds => new Dictionary<string, int>(_kinds);

    private static string KindOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var table = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var paren = table.IndexOf('(');
        var shape = paren < 0 ? table : table[..paren] + (table.EndsWith("()", StringComparison.Ordinal) ? "()" : "(key)");
        if (request.Method == "GET" && paren >= 0 && request.QueryString.HasValue && shape.EndsWith("()", StringComparison.Ordinal)) shape += "?query";
        return $"{request.Method} {shape}";
    }

    public static async Task<StorageCallCounter> StartAsync(AzuriteProcess azurite)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{azurite.Port}"),
        };
        StorageCallCounter? counter = null;
        app.Run(context => counter!.ForwardAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        counter = new StorageCallCounter(app, client,
            azurite.ConnectionString.Replace($":{azurite.Port}/", $":{port}/", StringComparison.Ordinal));
        return counter;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        Interlocked.Increment(ref _count);
        _kinds.AddOrUpdate(KindOf(context.Request), 1, (_, n) => n + 1);
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (body.Length > 0 || context.Request.ContentLength is not null) request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
        {
            if (Hop.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (!Hop.Contains(name)) context.Response.Headers[name] = values.ToArray();
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _client.Dispose();
    }
}
