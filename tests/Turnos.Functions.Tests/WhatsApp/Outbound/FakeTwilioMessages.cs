using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.WhatsApp.Outbound;

/// <summary>
/// The documented subset of Twilio's Messages API on 127.0.0.1: <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>
/// with HTTP Basic auth (AccountSid:AuthToken) and form fields To, From and Body, or ContentSid (+ ContentVariables) for
/// an approved template; 201 with the message's JSON (sid, status) on success, Twilio's error JSON otherwise.
/// <see cref="Respond"/> may fail chosen attempts, with <see cref="ErrorCode"/> (63016: outside the 24-hour window).
/// It keeps the media of inbound messages too (see FakeTwilioMessages.Media.cs).
/// </summary>
internal sealed partial class FakeTwilioMessages : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token";
    private readonly WebApplication _app;
    private int _attempts;

    private FakeTwilioMessages(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        _cdn = new(() => StartCdnAsync(this));
    }

    public Uri BaseUrl { get; }

    /// <summary>Messages accepted (201), in the order they arrived.</summary>
    public ConcurrentQueue<(string To, string From, string Body)> Delivered { get; } = new();

    /// <summary>Templates accepted (201): ContentSid and the ContentVariables JSON as sent.</summary>
    public ConcurrentQueue<(string To, string ContentSid, string? ContentVariables)> Templates { get; } = new();

    /// <summary>The StatusCallback URL of each accepted message that asked for one.</summary>
    public ConcurrentQueue<string> StatusCallbacks { get; } = new();

    /// <summary>Every request so far, accepted or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Twilio's error code in a refusal's JSON.</summary>
    public int ErrorCode { get; set; } = 20500;

    /// <summary>Given the attempt number (1-based, every request counted), the status to answer; 201 accepts.</summary>
    public Func<int, int> Respond { get; set; } = _ => 201;

    public static async Task<FakeTwilioMessages> StartAsync()
    {
        FakeTwilioMessages? fake = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.Run(context => fake!.HandleAsync(context)));
        fake = new FakeTwilioMessages(app, new Uri(address));
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (await TryServeMediaAsync(context)) return;
        var attempt = Interlocked.Increment(ref _attempts);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (context.Request.Method != "POST" || context.Request.Path != $"/2010-04-01/Accounts/{AccountSid}/Messages.json")
        {
            await Error(context, 404, 20404, "The requested resource was not found");
            return;
        }
        if (context.Request.Headers.Authorization.ToString() != basic)
        {
            await Error(context, 401, 20003, "Authenticate");
            return;
        }
        var form = await context.Request.ReadFormAsync();
        var template = form["ContentSid"].ToString();
        if (string.IsNullOrEmpty(form["To"]) || string.IsNullOrEmpty(form["From"]) || (string.IsNullOrEmpty(form["Body"]) && template.Length == 0))
        {
            await Error(context, 400, 21604, "A 'To', 'From' and 'Body' or 'ContentSid' are required");
            return;
        }
        var status = Respond(attempt);
        if (status != 201)
        {
            await Error(context, status, ErrorCode, status >= 500 ? "Internal Server Error" : "Refused");
            return;
        }
        if (form["StatusCallback"].ToString() is { Length: > 0 } callback) StatusCallbacks.Enqueue(callback);
        if (template.Length > 0) Templates.Enqueue((form["To"]!, template, form["ContentVariables"]));
        else Delivered.Enqueue((form["To"]!, form["From"]!, form["Body"]!));
        var sid = "SM" + Guid.NewGuid().ToString("N");
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { sid, account_sid = AccountSid, status = "queued", to = form["To"].ToString(), from = form["From"].ToString(), body = form["Body"].ToString() });
    }

    private static Task Error(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await DisposeMediaAsync();
    }
}
