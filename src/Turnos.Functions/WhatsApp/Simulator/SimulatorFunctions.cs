using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Turnos.Functions.Admin.Api;
using Turnos.Functions.Businesses;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.WhatsApp.Simulator;

/// <summary>
/// <c>/api/simulador</c>: the local WhatsApp simulator's page and files, <c>/api/simulador/negocios</c> (the numbers
/// it can write to) and <c>POST /api/simulador/send</c> (a message through the real signed webhook). They need no key,
/// so they answer only in Development or with <c>Simulator:Enabled=true</c>; a function cannot be left out of the host
/// as the endpoints were, so otherwise each answers 404, as an unknown route does.
/// </summary>
public sealed class SimulatorFunctions(
    IHostEnvironment environment, IConfiguration configuration, CatalogStore catalog, IOptions<TwilioOptions> twilio,
    WebhookSimulator simulator)
{
    [Function("Simulator")]
    public IActionResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SimulatorHandlers.Route + "/{file?}")] HttpRequest request,
        string? file)
    {
        if (!Enabled) return Disabled();
        // The page loads its files relative to its address; after a trailing slash they would resolve one level too deep.
        if (string.IsNullOrEmpty(file) && request.Path.Value is { Length: > 1 } path && path.EndsWith('/'))
            return Results.Redirect($"{request.PathBase}{path.TrimEnd('/')}{request.QueryString}").ToActionResult();
        return SimulatorHandlers.Serve(string.IsNullOrEmpty(file) ? SimulatorHandlers.Page : file, request.HttpContext).ToActionResult();
    }

    [Function("SimulatorBusinesses")]
    public async Task<IActionResult> Businesses(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SimulatorHandlers.Route + "/negocios")] HttpRequest request,
        CancellationToken ct) =>
        Enabled ? (await SimulatorHandlers.ListAsync(catalog, twilio, ct)).ToActionResult() : Disabled();

    [Function("SimulatorSend")]
    public async Task<IActionResult> Send(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SimulatorHandlers.Route + "/send")] HttpRequest request,
        CancellationToken ct)
    {
        if (!Enabled) return Disabled();
        var (message, problem) = await ApiJson.ReadAsync<SimulatorMessage>(request, ct);
        if (problem is not null) return problem.ToActionResult();
        return (await SimulatorHandlers.SendAsync(message!, simulator, ct)).ToActionResult();
    }

    private bool Enabled => SimulatorHandlers.IsEnabled(environment, configuration);

    // The problem the status-code pages write for a route that is not mapped.
    private static IActionResult Disabled() => Results.Problem(statusCode: StatusCodes.Status404NotFound).ToActionResult();
}
