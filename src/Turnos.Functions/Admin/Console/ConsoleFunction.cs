using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Admin.WebConsole;

/// <summary>
/// <c>/api/console/{*file}</c>: the web console's files, without a key (they hold no data; every call they make needs
/// one). <c>/api/console</c> itself is sent to <c>/api/console/</c>.
/// </summary>
public sealed class ConsoleFunction
{
    [Function("Console")]
    public IActionResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminConsoleHandlers.Route + "/{*file}")] HttpRequest request,
        string? file)
    {
        // The catch-all also matches the bare root, and the page's relative asset URLs need the trailing slash.
        if (string.IsNullOrEmpty(file) && request.Path.Value?.EndsWith('/') != true)
            return Results.Redirect($"{request.PathBase}{request.Path}/{request.QueryString}").ToActionResult();
        return AdminConsoleHandlers.Serve(file, request.HttpContext).ToActionResult();
    }
}
