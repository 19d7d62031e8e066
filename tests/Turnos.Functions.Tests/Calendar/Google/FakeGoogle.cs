using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

/// <summary>One request that reached the fake, with the Google account its bearer token belongs to (if any).</summary>
internal sealed record GoogleCall(string Method, string Path, string Query, string? Account, JsonObject? Body);

/// <summary>
/// The documented subset of Google on 127.0.0.1: OAuth 2.0 for web servers with PKCE (authorization endpoint,
/// token endpoint for authorization_code and refresh_token, revoke) and Calendar v3 (freeBusy, events
/// insert/patch/delete). Requests that break the protocol get Google's error shapes and are listed in
/// <see cref="Violations"/>. Tests inject 429/500 answers and slow responses with <see cref="Fail"/> and <see cref="Delay"/>.
/// </summary>
internal sealed partial class FakeGoogle : IAsyncDisposable
{
    public const string ClientId = "123-turnos.apps.googleusercontent.com";
    public const string ClientSecret = "GOCSPX-turnos-test-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string PathPart, int Status, TimeSpan Delay)> _faults = new();
    private int _counter;

    private FakeGoogle(WebApplication app, Uri baseUri)
    {
        _app = app;
        Base = baseUri;
    }

    public Uri Base { get; }

    public Uri AuthorizationEndpoint => new(Base, "o/oauth2/v2/auth");

    public Uri TokenEndpoint => new(Base, "token");

    public Uri RevokeEndpoint => new(Base, "revoke");

    public Uri CalendarApiBase => new(Base, "calendar/v3/");

    public ConcurrentQueue<GoogleCall> Calls { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Injected answers served so far (<see cref="Fail"/>, <see cref="Delay"/>); they are not among <see cref="Calls"/>.</summary>
    public int FaultsServed;

    /// <summary>The settings that point the app at this fake.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Google:ClientId"] = ClientId,
        ["Google:ClientSecret"] = ClientSecret,
        ["Google:AuthorizationEndpoint"] = AuthorizationEndpoint.ToString(),
        ["Google:TokenEndpoint"] = TokenEndpoint.ToString(),
        ["Google:RevokeEndpoint"] = RevokeEndpoint.ToString(),
        ["Google:CalendarApiBase"] = CalendarApiBase.ToString(),
    };

    public static async Task<FakeGoogle> StartAsync()
    {
        FakeGoogle? fake = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.Run(context => fake!.HandleAsync(context)));
        fake = new FakeGoogle(app, new Uri(address + "/"));
        return fake;
    }

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathPart"/> get this status.</summary>
    public void Fail(string pathPart, int status, int times = 1)
    {
        for (var i = 0; i < times; i++) _faults.Enqueue((pathPart, status, TimeSpan.Zero));
    }

    /// <summary>The next request whose path contains <paramref name="pathPart"/> is answered only after <paramref name="delay"/>.</summary>
    public void Delay(string pathPart, TimeSpan delay) => _faults.Enqueue((pathPart, 0, delay));

    public void ClearFaults() => _faults.Clear();

    public IEnumerable<GoogleCall> CallsTo(string pathPart) => Calls.Where(c => c.Path.Contains(pathPart, StringComparison.Ordinal));

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (NextFault(path) is { } fault)
        {
            Interlocked.Increment(ref FaultsServed);
            if (fault.Delay > TimeSpan.Zero)
            {
                try { await Task.Delay(fault.Delay, context.RequestAborted); }
                catch (OperationCanceledException) { return; }
            }
            if (fault.Status != 0)
            {
                await ApiError(context, fault.Status, fault.Status == 429 ? "rateLimitExceeded" : "backendError", "Injected by the test.");
                return;
            }
        }
        if (path == AuthorizationEndpoint.AbsolutePath) await AuthorizeAsync(context);
        else if (path == TokenEndpoint.AbsolutePath) await TokenAsync(context);
        else if (path == RevokeEndpoint.AbsolutePath) await RevokeAsync(context);
        else if (path.StartsWith(CalendarApiBase.AbsolutePath, StringComparison.Ordinal)) await CalendarAsync(context, path[CalendarApiBase.AbsolutePath.Length..]);
        else await Reject(context, 404, "notFound", $"unexpected {context.Request.Method} {path}");
    }

    private (string PathPart, int Status, TimeSpan Delay)? NextFault(string path)
    {
        if (!_faults.TryPeek(out var fault) || !path.Contains(fault.PathPart, StringComparison.Ordinal)) return null;
        return _faults.TryDequeue(out fault) ? fault : null;
    }

    private string Next(string prefix) => prefix + Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + Guid.NewGuid().ToString("N")[..8];

    private Task Reject(HttpContext context, int status, string reason, string message)
    {
        Violations.Enqueue(message);
        return ApiError(context, status, reason, message);
    }

    /// <summary>Google API's error shape.</summary>
    private static Task ApiError(HttpContext context, int status, string reason, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["domain"] = status == 429 ? "usageLimits" : "global", ["reason"] = reason, ["message"] = message }),
                ["code"] = status,
                ["message"] = message,
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
