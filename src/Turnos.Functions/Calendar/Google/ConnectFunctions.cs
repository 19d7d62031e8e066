using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>
/// The public half of connecting a Google Calendar, without a key (the one-time <c>state</c> is the credential):
/// <c>GET /api/oauth/google/start?state=…</c>, the shareable link, which sends the person to Google's consent page,
/// and <c>GET /api/oauth/google/callback?code=…&amp;state=…</c> (or <c>error=…</c>), where Google sends them back.
/// </summary>
public sealed class ConnectFunctions(IOptions<GoogleOptions> google)
{
    [Function("StartGoogleConnect")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CalendarConnector.StartRoute)] HttpRequest request,
        CancellationToken ct) =>
        (await CalendarHandlers.StartAsync(request.Query["state"], request.HttpContext, google, ct)).ToActionResult();

    [Function("GoogleCallback")]
    public async Task<IActionResult> Callback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = GoogleOptions.CallbackRoute)] HttpRequest request,
        CancellationToken ct) =>
        (await CalendarHandlers.CallbackAsync(request.Query["code"], request.Query["state"], request.Query["error"],
            request.HttpContext, google, ct)).ToActionResult();
}
