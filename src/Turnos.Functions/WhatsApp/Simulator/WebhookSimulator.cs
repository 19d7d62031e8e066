using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Turnos.Functions.WhatsApp.Simulator;

/// <summary>A message typed in the simulator: as the customer <paramref name="From"/>, to a business's number.</summary>
public sealed record SimulatorMessage(string? BusinessNumber, string? From, string? Text, string? ProfileName = null);

public sealed record SimulatorResult(string MessageSid, int Status, IReadOnlyList<string> Replies);

/// <summary>
/// Plays Twilio for the local simulator: builds the form Twilio would post, signs it with the configured auth
/// token for the public webhook URL and posts it over HTTP to the app's own <c>/api/whatsapp</c>, so every
/// simulated message takes exactly the path a real one takes.
/// </summary>
public sealed class WebhookSimulator(IHttpClientFactory clients, IServer server, IOptions<TwilioOptions> options)
{
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

        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(o.AuthToken!, signedUrl, form));
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var replies = response.StatusCode == HttpStatusCode.OK ? ReadTwiML(body) : [];
        return new SimulatorResult(sid, (int)response.StatusCode, replies);
    }

    /// <summary>The texts of the &lt;Message&gt; elements of a TwiML response.</summary>
    public static IReadOnlyList<string> ReadTwiML(string twiml) =>
        [.. XDocument.Parse(twiml).Root?.Elements("Message").Select(m => m.Value) ?? []];
}
