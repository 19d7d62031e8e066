namespace Turnos.Functions.WhatsApp.Outbound;

/// <summary>
/// Points the Twilio SDK, which always builds <c>https://api.twilio.com/…</c> URLs, at <c>Twilio:ApiBaseUrl</c>: the
/// scheme, host and port are replaced, the path and query kept. With the default base it changes nothing; tests and
/// local runs use it to reach a server that speaks the Messages API.
/// </summary>
internal sealed class TwilioBaseAddressHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri) request.RequestUri = Rebase(uri, baseUrl);
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The same path and query under <paramref name="baseUrl"/>.</summary>
    public static Uri Rebase(Uri uri, Uri baseUrl)
    {
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        return new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port, Path = basePath + uri.AbsolutePath }.Uri;
    }
}
