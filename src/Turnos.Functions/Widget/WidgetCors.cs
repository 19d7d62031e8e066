using Turnos.Core.Businesses;

namespace Turnos.Functions.Widget;

/// <summary>
/// CORS for the widget's endpoints, by the business's <c>webChat.allowedOrigins</c>. A browser's page on an allowed site
/// (or any site when the business lists none) gets its origin echoed; another site gets no CORS headers and a 403, and its
/// message is never handed over: CORS alone would only hide the reply from that page, after the message had been sent.
/// A call without <c>Origin</c> is not a browser's cross-site call and has nothing to check.
/// </summary>
internal static class WidgetCors
{
    /// <summary>How long a browser may reuse a preflight's answer, in seconds.</summary>
    private const string MaxAge = "600";

    /// <summary>Adds the CORS headers when <paramref name="settings"/> allow the request's origin; false when they do
    /// not. Null settings (no such business) echo the origin, so the widget can read the 404.</summary>
    public static bool Allow(HttpContext http, WebChat? settings)
    {
        var headers = http.Response.Headers;
        headers.Vary = "Origin";
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (settings is not null && !settings.Allows(origin)) return false;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlExposeHeaders = "Retry-After";
        return true;
    }

    /// <summary>The answer to a preflight (<c>OPTIONS</c>) for <paramref name="method"/>: 204 with the CORS headers, or
    /// 403 without them.</summary>
    public static IResult Preflight(HttpContext http, WebChat? settings, string method)
    {
        if (!Allow(http, settings)) return Refused();
        var headers = http.Response.Headers;
        headers.AccessControlAllowMethods = method;
        headers.AccessControlAllowHeaders = "Content-Type";
        headers.AccessControlMaxAge = MaxAge;
        return Results.NoContent();
    }

    public static IResult Refused() => Results.Problem(title: "Origin not allowed", detail: WidgetTexts.OriginRefused,
        statusCode: StatusCodes.Status403Forbidden);
}
