using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Turnos.Functions.Hosting;
using Turnos.Functions.WebAssets;

namespace Turnos.Functions.Widget;

/// <summary>
/// The web chat widget: its script (<c>GET /api/widget.js</c>, the one tag a site adds) and style sheet, the business's
/// name for the chat's header (<c>GET /api/widget/{negocio}</c>) and its messages
/// (<c>POST /api/widget/{negocio}/messages</c>), both with their CORS preflights (see <see cref="WidgetHandler"/>).
/// No key: a visitor's browser calls them.
/// </summary>
public sealed class WidgetFunctions(WidgetHandler handler)
{
    public const string Route = "widget";

    /// <summary>The script and its style sheet, from <c>Widget/web</c>.</summary>
    internal static WebAssetCatalog Assets { get; } = new("widget");

    [Function("WidgetScript")]
    public IActionResult Script([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + ".js")] HttpRequest request) =>
        Serve("widget.js", request);

    [Function("WidgetStyle")]
    public IActionResult Style([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + ".css")] HttpRequest request) =>
        Serve("widget.css", request);

    [Function("WidgetInfo")]
    public async Task<IActionResult> Info(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = Route + "/{negocio}")] HttpRequest request, string negocio) =>
        (HttpMethods.IsOptions(request.Method)
            ? await handler.PreflightAsync(request, negocio, "GET")
            : await handler.InfoAsync(request, negocio)).ToActionResult();

    [Function("WidgetMessages")]
    public async Task<IActionResult> Messages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = Route + "/{negocio}/messages")] HttpRequest request,
        [DurableClient] DurableTaskClient client, string negocio) =>
        (HttpMethods.IsOptions(request.Method)
            ? await handler.PreflightAsync(request, negocio, "POST")
            : await handler.PostAsync(request, client, negocio)).ToActionResult();

    // Loaded by pages of other sites: a script tag and a style sheet need no CORS, only to be served.
    private static IActionResult Serve(string name, HttpRequest request) =>
        WebAssetResults.Serve(Assets.Find(name), request.HttpContext, $"The widget has no file '{name}'.").ToActionResult();
}
