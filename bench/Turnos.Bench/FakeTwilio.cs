using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Turnos.Bench;

/// <summary>
/// Twilio's Messages API as the app calls it (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>, HTTP Basic
/// AccountSid:AuthToken, form To/From/Body, 201 with the message's JSON), in the bench's own process so an arrival is
/// timed on the same clock as the webhook post it answers.
/// </summary>
internal sealed class FakeTwilio : IAsyncDisposable
{
    // AC + 32 hex digits, as the app's options require; not a real account.
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private readonly ConcurrentDictionary<string, Inbox> _byCustomer = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private readonly string _basic;

    private FakeTwilio(WebApplication app, string authToken)
    {
        _app = app;
        _basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{authToken}"));
    }

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeTwilio> StartAsync(string authToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeTwilio(app, authToken);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address;
        return fake;
    }

    /// <summary>Replies received for <paramref name="to"/> (E.164, without "whatsapp:") so far.</summary>
    public int Count(string to) => InboxOf(to).Count;

    /// <summary>Replies to <paramref name="to"/> after the first <paramref name="seen"/>: when each arrived (a
    /// <see cref="Stopwatch"/> timestamp) and its body.</summary>
    public IReadOnlyList<(long At, string Body)> Since(string to, int seen) => InboxOf(to).Since(seen);

    /// <summary>Waits until <paramref name="to"/> has received more than <paramref name="seen"/> replies.</summary>
    public Task WaitForMoreThanAsync(string to, int seen, TimeSpan timeout) => InboxOf(to).WaitForMoreThanAsync(seen, timeout);

    private Inbox InboxOf(string to) => _byCustomer.GetOrAdd(to, _ => new Inbox());

    private async Task HandleAsync(HttpContext context)
    {
        // Stamped first: what the customer would see is the request reaching Twilio, not our parsing of it.
        var arrived = Stopwatch.GetTimestamp();
        if (context.Request.Method != "POST" || context.Request.Path != $"/2010-04-01/Accounts/{AccountSid}/Messages.json"
            || context.Request.Headers.Authorization.ToString() != _basic)
        {
            context.Response.StatusCode = 401;
            return;
        }
        var form = await context.Request.ReadFormAsync();
        var to = form["To"].ToString();
        if (!to.StartsWith("whatsapp:", StringComparison.Ordinal) || string.IsNullOrEmpty(form["Body"]))
        {
            context.Response.StatusCode = 400;
            return;
        }
        InboxOf(to["whatsapp:".Length..]).Add(arrived, form["Body"]!);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), account_sid = AccountSid, status = "queued" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One customer's replies in arrival order, and a signal for the next.</summary>
    private sealed class Inbox
    {
        private readonly List<(long At, string Body)> _arrivals = [];
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get { lock (_arrivals) return _arrivals.Count; } }

        public IReadOnlyList<(long At, string Body)> Since(int seen) { lock (_arrivals) return _arrivals[seen..]; }

        public void Add(long at, string body)
        {
            TaskCompletionSource signal;
            lock (_arrivals)
            {
                _arrivals.Add((at, body));
                (signal, _next) = (_next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
            signal.SetResult();
        }

        public async Task WaitForMoreThanAsync(int seen, TimeSpan timeout)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                Task next;
                lock (_arrivals)
                {
                    if (_arrivals.Count > seen) return;
                    next = _next.Task;
                }
                var left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0) throw new TimeoutException($"No reply within {timeout.TotalSeconds:F0} s.");
                await next.WaitAsync(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency));
            }
        }
    }
}
