using System.Security.Cryptography;
using System.Text;

namespace Turnos.Functions.Admin.WebConsole;

/// <summary>
/// The web console: a small static front end (HTML, CSS, JavaScript modules; no build step) that talks to
/// <c>/api/admin/…</c> and <c>/api/v1/…</c> with the key the person signs in with. Served at <c>/admin/</c> and,
/// because the Functions host forwards only <c>/api/*</c> to the app, also at <c>/api/console/</c>. The files
/// themselves hold no data and no secret; every call they make needs a key.
/// </summary>
public static class AdminConsoleEndpoints
{
    /// <summary>Where the console lives when the app is reached directly (locally: http://localhost:7071/admin/).</summary>
    public const string LocalRoot = "/admin";

    /// <summary>Where it lives behind the Functions host (in Azure: https://&lt;app&gt;.azurewebsites.net/api/console/).</summary>
    public const string FunctionsRoot = "/api/console";

    // Scripts, styles and calls only from this origin; the console is never framed.
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapAdminConsole(this IEndpointRouteBuilder app)
    {
        foreach (var root in new[] { LocalRoot, FunctionsRoot })
        {
            // Routing ignores a trailing slash; relative asset URLs need it, so "/admin" is sent to "/admin/".
            app.MapGet(root, (HttpContext http) => http.Request.Path.Value!.EndsWith('/')
                ? Serve(null, http)
                : Results.Redirect(root + "/" + http.Request.QueryString)).ExcludeFromDescription();
            app.MapGet(root + "/{*file}", Serve).ExcludeFromDescription();
        }
        return app;
    }

    private static IResult Serve(string? file, HttpContext http)
    {
        var asset = ConsoleAssets.Find(string.IsNullOrEmpty(file) ? "index.html" : file);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (asset is null)
            return Results.Problem(title: "Not found", detail: $"The console has no file '{file}'.", statusCode: StatusCodes.Status404NotFound);
        headers.ContentSecurityPolicy = Policy;
        headers.CacheControl = "no-cache"; // always revalidated: a new deployment is picked up at once
        headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }
}

/// <summary>One file of the console.</summary>
internal sealed record ConsoleAsset(string Name, string ContentType, byte[] Content, string ETag);

/// <summary>The console's files, kept as C# text so the app needs no extra build or publish step to carry them.</summary>
internal static partial class ConsoleAssets
{
    private static readonly Lazy<Dictionary<string, ConsoleAsset>> All = new(() => Files().ToDictionary(
        f => f.Name,
        f =>
        {
            var bytes = Encoding.UTF8.GetBytes(f.Text.ReplaceLineEndings("\n"));
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..20].ToLowerInvariant() + "\"";
            return new ConsoleAsset(f.Name, ContentTypeOf(f.Name), bytes, etag);
        },
        StringComparer.Ordinal));

    public static IReadOnlyCollection<string> Names => All.Value.Keys;

    public static ConsoleAsset? Find(string name) => All.Value.GetValueOrDefault(name);

    private static IEnumerable<(string Name, string Text)> Files() =>
    [
        ("index.html", IndexHtml),
        ("console.css", Styles),
        ("app.js", AppJs),
        ("api.js", ApiJs),
        ("ui.js", UiJs),
        ("businesses.js", BusinessesJs),
        ("calendar.js", CalendarJs),
        ("catalog.js", CatalogJs),
        ("week.js", WeekJs),
        ("appointments.js", AppointmentsJs),
        ("conversations.js", ConversationsJs),
    ];

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        _ => "application/octet-stream",
    };
}
