using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.WhatsApp;

/// <summary>A photo as read from Twilio: its bytes and media type.</summary>
public sealed record MediaContent(BinaryData Data, string ContentType);

/// <summary>
/// Reads a photo a customer sent on WhatsApp. Twilio keeps it at <c>https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/
/// Messages/…/Media/…</c>, readable with the account's credentials (HTTP Basic, AccountSid:AuthToken), and answers with a
/// redirect to a short-lived signed link. The credentials go only to that first request, and only to this account's media
/// on Twilio's API (or <c>Twilio:ApiBaseUrl</c>, where tests put a fake): the webhook's URL is never trusted beyond that.
/// The redirect is followed once, without them. Neither URL is logged: the second one is itself a credential.
/// </summary>
public sealed partial class TwilioMedia(IHttpClientFactory http, IOptions<TwilioOptions> options, ILogger<TwilioMedia> logger)
{
    public const string ClientName = "twilio-media";

    /// <summary>WhatsApp's own limit for an image.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly Uri TwilioApi = new("https://api.twilio.com");

    /// <summary>Media types a vision model reads.</summary>
    private static readonly HashSet<string> Readable = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/gif", "image/webp" };

    public static bool IsReadable(string contentType) => Readable.Contains(contentType.Split(';')[0].Trim());

    /// <summary>The photo, or null (logged with why) when it cannot be read.</summary>
    public async Task<MediaContent?> GetAsync(string url, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.AccountSid) || string.IsNullOrEmpty(o.AuthToken)) return Failed("no Twilio account is configured");
        if (Rebased(url, o) is not { } media) return Failed("not this account's Twilio media URL");

        try
        {
            return await FetchAsync(http.CreateClient(ClientName), media, o, ct);
        }
        catch (HttpRequestException)
        {
            return Failed("no response");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed("timeout");
        }
    }

    private async Task<MediaContent?> FetchAsync(HttpClient client, Uri media, TwilioOptions o, CancellationToken ct)
    {
        using var first = new HttpRequestMessage(HttpMethod.Get, media);
        first.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AccountSid}:{o.AuthToken}")));
        using var response = await client.SendAsync(first, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!IsRedirect(response.StatusCode)) return await ReadBodyAsync(response, ct);

        // Relative or absolute; never from https down to http.
        if (response.Headers.Location is not { } location || new Uri(media, location) is not { Scheme: "https" or "http" } next
            || (media.Scheme == "https" && next.Scheme != "https"))
            return Failed("Twilio's redirect has no usable location");
        using var second = new HttpRequestMessage(HttpMethod.Get, next);
        using var redirected = await client.SendAsync(second, HttpCompletionOption.ResponseHeadersRead, ct);
        return IsRedirect(redirected.StatusCode) ? Failed("redirected more than once") : await ReadBodyAsync(redirected, ct);
    }

    private async Task<MediaContent?> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode) return Failed($"HTTP {(int)response.StatusCode}");
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!IsReadable(type)) return Failed($"not a photo a model reads ({type})");
        if (response.Content.Headers.ContentLength > MaxBytes) return Failed("larger than 5 MB");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; (read = await body.ReadAsync(chunk, ct)) > 0;)
        {
            if (buffer.Length + read > MaxBytes) return Failed("larger than 5 MB");
            buffer.Write(chunk, 0, read);
        }
        return new MediaContent(BinaryData.FromBytes(buffer.ToArray()), type.ToLowerInvariant());
    }

    /// <summary>The URL to read: this account's media on Twilio's API, moved to <c>Twilio:ApiBaseUrl</c> (the way the
    /// Messages API is); null for anything else.</summary>
    internal static Uri? Rebased(string url, TwilioOptions o)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0) return null;
        var onTwilio = SameOrigin(uri, TwilioApi) || SameOrigin(uri, o.ApiBaseUrl);
        var ours = uri.AbsolutePath.StartsWith($"/2010-04-01/Accounts/{o.AccountSid}/", StringComparison.Ordinal)
            && uri.AbsolutePath.Contains("/Media/", StringComparison.Ordinal);
        return onTwilio && ours ? TwilioBaseAddressHandler.Rebase(uri, o.ApiBaseUrl) : null;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private MediaContent? Failed(string reason)
    {
        LogFailed(logger, reason);
        return null;
    }

    // The message's sid is in the scope; the URL never is.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A photo could not be read from Twilio ({Reason}); a person will look at it instead")]
    private static partial void LogFailed(ILogger logger, string reason);
}
