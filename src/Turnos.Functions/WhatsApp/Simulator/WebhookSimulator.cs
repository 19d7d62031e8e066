using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.WhatsApp.Simulator;

/// <summary>A message typed in the simulator: as the customer <paramref name="From"/>, to a business's number.</summary>
public sealed record SimulatorMessage(string? BusinessNumber, string? From, string? Text, string? ProfileName = null);

public sealed record SimulatorResult(string MessageSid, int Status, IReadOnlyList<string> Replies);

/// <summary>
/// Plays Twilio for the local simulator: builds the form Twilio would post, signs it with the configured auth
/// token for the public webhook URL and posts it over HTTP to the app's own <c>/api/whatsapp</c>, so every
/// simulated message takes exactly the path a real one takes; then collects what the conversation sent back to the
/// customer through the <see cref="LocalReplySink"/> (without a Twilio account the replies go there, not to Twilio).
/// </summary>
public sealed class WebhookSimulator(IHttpClientFactory clients, IServer server, IOptions<TwilioOptions> options, IReplySender sender)
{
    /// <summary>How long a message waits for its first reply, and how long replies must pause to count as the whole answer.</summary>
    private static readonly TimeSpan FirstReplyWithin = TimeSpan.FromSeconds(15), QuietFor = TimeSpan.FromMilliseconds(300);

    public const string ClientName = "Turnos.WhatsAppSimulator";
    public const string WebhookPath = "/api/" + WhatsAppWebhook.Route;

    /// <summary>The app's own address, e.g. <c>http://localhost:7071</c>; null when it does not listen on one (test server).</summary>
    public Uri? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (chosen is null) return null;
        // Wildcard bindings name no host a client can call.
        foreach (var wildcard in new[] { "://+:", "://*:", "://0.0.0.0:", "://[::]:" })
            chosen = chosen.Replace(wildcard, "://localhost:", StringComparison.Ordinal);
        return Uri.TryCreate(chosen, UriKind.Absolute, out var uri) ? uri : null;
    }

    public async Task<SimulatorResult> SendAsync(Uri ownAddress, SimulatorMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var target = new Uri(ownAddress, WebhookPath);
        var signedUrl = o.PublicBaseUrl is { } publicBase ? publicBase.OriginalString.TrimEnd('/') + WebhookPath : target.ToString();
        var sid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var from = message.From!;
        List<KeyValuePair<string, string>> form =
        [
            new("MessageSid", sid),
            new("SmsMessageSid", sid),
            new("AccountSid", o.AccountSid ?? "AC" + new string('0', 32)),
            new("From", TwilioInbound.WhatsAppPrefix + from),
            new("To", TwilioInbound.WhatsAppPrefix + message.BusinessNumber),
            new("Body", message.Text!),
            new("NumMedia", "0"),
            new("NumSegments", "1"),
            new("ProfileName", string.IsNullOrWhiteSpace(message.ProfileName) ? "Cliente de prueba" : message.ProfileName.Trim()),
            new("WaId", from.TrimStart('+')),
            new("ApiVersion", "2010-04-01"),
        ];

        var sink = sender as LocalReplySink;
        var before = sink?.LastSequence ?? 0;
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(o.AuthToken!, signedUrl, form));
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        var replies = response.StatusCode == HttpStatusCode.OK && sink is not null ? await RepliesAsync(sink, from, before, ct) : [];
        return new SimulatorResult(sid, (int)response.StatusCode, replies);
    }

    /// <summary>The replies to <paramref name="customer"/> after <paramref name="after"/>, once they stop coming.</summary>
    /// <remarks>Waits on the real clock (a stopwatch), not the app's <see cref="TimeProvider"/>: this is I/O, not business time.</remarks>
    private static async Task<IReadOnlyList<string>> RepliesAsync(LocalReplySink sink, string customer, long after, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (count, changed) = (0, started);
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            var replies = sink.Since(customer, after);
            if (replies.Count != count) (count, changed) = (replies.Count, now);
            var quiet = Stopwatch.GetElapsedTime(changed, now) >= QuietFor;
            if ((count > 0 && quiet) || Stopwatch.GetElapsedTime(started, now) >= FirstReplyWithin)
                return [.. replies.Select(r => r.Reply.Body)];
            await Task.Delay(50, ct);
        }
    }
}
