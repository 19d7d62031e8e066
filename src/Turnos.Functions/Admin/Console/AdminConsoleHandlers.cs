using Turnos.Functions.WebAssets;

namespace Turnos.Functions.Admin.WebConsole;

/// <summary>
/// The web console: a small static front end (HTML, CSS, JavaScript modules in <c>Admin/Console/web</c>, embedded
/// in the assembly; no build step) that talks to <c>/api/admin/…</c> and <c>/api/v1/…</c> with the key the person
/// signs in with. Served at <c>/admin/</c> and, because the Functions host forwards only <c>/api/*</c> to the app,
/// also at <c>/api/console/</c>. The files themselves hold no data and no secret; every call they make needs a key.
/// </summary>
public static class AdminConsoleHandlers
{
    /// <summary>Where the console lives when the app is reached directly (locally: http://localhost:7071/admin/).</summary>
    public const string LocalRoot = "/admin";

    /// <summary>The console's route below the host's <c>api</c> prefix (<see cref="FunctionsRoot"/> in full).</summary>
    public const string Route = "console";

    /// <summary>Where it lives behind the Functions host (in Azure: https://&lt;app&gt;.azurewebsites.net/api/console/).</summary>
    public const string FunctionsRoot = "/api/" + Route;

    /// <summary>The console's files by name (index.html, console.css, app.js and the modules it imports).</summary>
    internal static WebAssetCatalog Assets { get; } = new("console");

    internal static IResult Serve(string? file, HttpContext http) =>
        WebAssetResults.Serve(Assets.Find(string.IsNullOrEmpty(file) ? "index.html" : file), http, $"The console has no file '{file}'.");
}
