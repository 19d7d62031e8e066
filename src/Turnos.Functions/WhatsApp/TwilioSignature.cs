using System.Security.Cryptography;
using System.Text;
using Twilio.Security;

namespace Turnos.Functions.WhatsApp;

/// <summary>
/// Twilio's request signature (HMAC-SHA1 of the URL followed by every POST parameter sorted by name, keyed with the
/// auth token). Checking is the Twilio SDK's <see cref="RequestValidator"/>, which also accepts the URL with or
/// without its port, as Twilio may sign either form.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken)) return false;
        // A new validator per call: it holds one HMAC instance, which is not safe to share between threads.
        var validator = new RequestValidator(authToken);
        var values = OneValuePerName(parameters);
        return validator.Validate(url, values, signature)
            || (WithoutDefaultPort(url) is { } bare && validator.Validate(bare, values, signature));
    }

    // The SDK (8.2) adds a missing default port but keeps one written out (":443"), so for a URL configured with
    // it, the form Twilio may sign without it is checked here.
    private static string? WithoutDefaultPort(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsDefaultPort
            && url.Contains($"{uri.Host}:{uri.Port}", StringComparison.OrdinalIgnoreCase)
            ? new UriBuilder(uri) { Port = -1 }.Uri.OriginalString
            : null;

    /// <summary>Signs a request the way Twilio does, for the simulator's and the tests' own webhook calls (the SDK
    /// only validates).</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in OneValuePerName(parameters).OrderBy(p => p.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    // The SDK takes one value per name, while Twilio signs a repeated name once per distinct value, sorted, each after
    // the name. Joining those values with the name between them makes the SDK hash exactly the bytes Twilio signed.
    private static Dictionary<string, string> OneValuePerName(IEnumerable<KeyValuePair<string, string>> parameters) =>
        parameters.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => string.Join(g.Key, g.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);
}
