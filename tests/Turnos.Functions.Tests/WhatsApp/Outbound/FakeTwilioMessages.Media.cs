using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.WhatsApp.Outbound;

/// <summary>
/// Twilio's media of inbound messages, as the webhook's <c>MediaUrl0…</c> point at them:
/// <c>GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{MediaSid}</c> with HTTP Basic auth (AccountSid:AuthToken;
/// 401 without), answered with a 307 to a short-lived signed link on another server (the "CDN"), which serves the bytes to
/// whoever holds the link's signature, and which should never see the account's credentials.
/// </summary>
internal sealed partial class FakeTwilioMessages
{
    /// <summary>The signed link's token: it must never reach a log.</summary>
    public const string CdnSignature = "cdnsig-9f8e7d6c5b4a3928";

    private readonly ConcurrentDictionary<string, (string Type, byte[] Bytes)> _media = new();
    private readonly Lazy<Task<(WebApplication App, string Address)>> _cdn;
    private int _mediaRequests;

    /// <summary>Requests for media at the API (accepted or not).</summary>
    public int MediaRequests => Volatile.Read(ref _mediaRequests);

    /// <summary>The Authorization header of every request the CDN got (null: none, as it should be).</summary>
    public ConcurrentQueue<string?> CdnAuthorizations { get; } = new();

    /// <summary>Keeps a medium of an inbound message; returns its URL as Twilio's webhook gives it (on api.twilio.com).</summary>
    public async Task<string> AddMediaAsync(string contentType, byte[] bytes, string? accountSid = null)
    {
        await _cdn.Value;
        var media = "ME" + Guid.NewGuid().ToString("N");
        _media[media] = (contentType, bytes);
        return $"https://api.twilio.com/2010-04-01/Accounts/{accountSid ?? AccountSid}/Messages/MM{Guid.NewGuid():N}/Media/{media}";
    }

    private async Task<bool> TryServeMediaAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (context.Request.Method != "GET" || !path.Contains("/Media/", StringComparison.Ordinal)) return false;
        Interlocked.Increment(ref _mediaRequests);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (context.Request.Headers.Authorization.ToString() != basic) await Error(context, 401, 20003, "Authenticate");
        else if (!path.StartsWith($"/2010-04-01/Accounts/{AccountSid}/Messages/", StringComparison.Ordinal)
            || !_media.ContainsKey(path[(path.LastIndexOf('/') + 1)..]))
            await Error(context, 404, 20404, "The requested resource was not found");
        else
        {
            var (_, cdn) = await _cdn.Value;
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"{cdn}/media/{path[(path.LastIndexOf('/') + 1)..]}?Expires=1795000000&Signature={CdnSignature}";
        }
        return true;
    }

    private static async Task<(WebApplication, string)> StartCdnAsync(FakeTwilioMessages twilio) =>
        await LoopbackServer.StartAsync(app => app.MapGet("/media/{id}", async (HttpContext context, string id) =>
        {
            twilio.CdnAuthorizations.Enqueue(context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString());
            if (context.Request.Query["Signature"] != CdnSignature || !twilio._media.TryGetValue(id, out var media))
            {
                context.Response.StatusCode = 403;
                return;
            }
            context.Response.ContentType = media.Type;
            await context.Response.Body.WriteAsync(media.Bytes);
        }));

    private async Task DisposeMediaAsync()
    {
        if (_cdn.IsValueCreated) await (await _cdn.Value).App.DisposeAsync();
    }
}
