using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Turnos.Functions.WebAssets;

/// <summary>
/// How every shipped web file is answered (the console's, the simulator's and the OpenAPI document), in one place so the app and the
/// Functions host send the same headers: revalidated each time, 304 when the browser has this version.
/// </summary>
internal static class WebAssetResults
{
    /// <summary>Scripts, styles and calls only from this origin; the pages are never framed.</summary>
    public const string SameOriginPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The file, a 304 when <c>If-None-Match</c> names its ETag, or a 404 problem with <paramref name="missing"/>.</summary>
    public static IResult Serve(WebAsset? asset, HttpContext http, string missing)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (asset is null)
            return Results.Problem(title: "Not found", detail: missing, statusCode: StatusCodes.Status404NotFound);
        headers.ContentSecurityPolicy = SameOriginPolicy;
        headers.CacheControl = "no-cache"; // always revalidated: a new deployment is picked up at once
        headers.ETag = asset.ETag;
        if (Matches(http.Request.Headers.IfNoneMatch, asset.ETag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    // If-None-Match may list several tags (or "*") and compares weakly: a proxy that weakened the tag still matches.
    private static bool Matches(StringValues ifNoneMatch, string etag) =>
        EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
}
