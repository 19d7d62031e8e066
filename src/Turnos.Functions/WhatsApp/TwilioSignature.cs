using System.Security.Cryptography;
using System.Text;

namespace Turnos.Functions.WhatsApp;

/// <summary>
/// Twilio's request signature: HMAC-SHA1, keyed with the auth token, over the full URL Twilio requested
/// followed by every POST parameter sorted by name, each name immediately followed by its value; base64.
/// A name sent several times contributes each distinct value once, in sorted order, as Twilio's own
/// validators do.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                data.Append(group.Key).Append(value);
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    /// <summary>True when <paramref name="signature"/> signs the request for <paramref name="url"/>, written
    /// with or without its default port (Twilio may sign either form).</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken)) return false;
        var given = Encoding.UTF8.GetBytes(signature);
        var valid = false;
        var list = parameters as IReadOnlyCollection<KeyValuePair<string, string>> ?? parameters.ToList();
        // Every candidate is checked, so the time taken does not tell which form came close.
        foreach (var candidate in UrlForms(url))
            valid |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Compute(authToken, candidate, list)), given);
        return valid;
    }

    /// <summary>The URL as given, plus the same URL with its default port (443 for https, 80 for http)
    /// added when it has none or removed when it has it.</summary>
    public static IReadOnlyList<string> UrlForms(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return [url];
        var scheme = url[..schemeEnd].ToLowerInvariant();
        var defaultPort = scheme switch { "https" => "443", "http" => "80", _ => null };
        if (defaultPort is null) return [url];

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1; // credentials may hold a ':'
        var host = authority[hostStart..];
        var colon = host.LastIndexOf(':');
        var hasPort = colon >= 0 && colon > host.LastIndexOf(']'); // an IPv6 literal holds ':' too

        string other;
        if (!hasPort) other = url[..authorityEnd] + ":" + defaultPort + url[authorityEnd..];
        else if (host[(colon + 1)..] == defaultPort) other = url[..(authorityStart + hostStart + colon)] + url[authorityEnd..];
        else return [url];
        return [url, other];
    }
}
