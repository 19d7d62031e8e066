namespace Turnos.Core.Businesses;

/// <summary>
/// The web chat widget of a business: which sites may embed it. <see cref="AllowedOrigins"/> null lets any site do so
/// (the widget is public, like a WhatsApp number); a list, normalised by <see cref="WebOrigin"/>, lets only those sites;
/// an empty list none.
/// </summary>
public sealed record WebChat(IReadOnlyList<string>? AllowedOrigins)
{
    public static WebChat Open { get; } = new((IReadOnlyList<string>?)null);

    /// <summary>Whether a page of <paramref name="origin"/> (a browser's <c>Origin</c> header) may talk to the widget.</summary>
    public bool Allows(string origin) =>
        AllowedOrigins is null || (WebOrigin.Normalize(origin) is { } normal && AllowedOrigins.Contains(normal, StringComparer.Ordinal));

    // A list compares by reference; two settings that say the same are equal.
    public bool Equals(WebChat? other) =>
        other is not null && (AllowedOrigins is null ? other.AllowedOrigins is null : other.AllowedOrigins?.SequenceEqual(AllowedOrigins) == true);

    public override int GetHashCode() => AllowedOrigins?.Count ?? -1;
}

/// <summary>A web origin as browsers send it in <c>Origin</c>: <c>scheme://host[:port]</c>, lowercase, the scheme's
/// default port left out, the host in its ASCII (punycode) form.</summary>
public static class WebOrigin
{
    /// <summary>The origin <paramref name="value"/> names, or null when it is not an http(s) origin: a path other than
    /// "/", a query, a fragment or a user name make it a URL, not an origin.</summary>
    public static string? Normalize(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 300 || text.IndexOfAny(['?', '#', '@', '\\', ' ']) >= 0) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/") return null;
        if (text.TrimEnd('/').Count(c => c == '/') != 2) return null; // "https://a.example//" is not an origin either
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}";
    }
}
