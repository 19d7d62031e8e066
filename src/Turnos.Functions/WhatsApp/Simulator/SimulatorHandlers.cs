using Microsoft.Extensions.Options;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Businesses;
using Turnos.Functions.WebAssets;

namespace Turnos.Functions.WhatsApp.Simulator;

/// <summary>
/// The local WhatsApp simulator: a chat page (<c>GET /simulador</c>, with its style and script beside it under
/// <c>/simulador/</c>, from <c>WhatsApp/Simulator/web</c>), the numbers it can write to and <c>POST /simulador/send</c>,
/// which sends a message through the real signed webhook and returns the replies. As functions
/// (<see cref="SimulatorFunctions"/>) the same lives under <c>/api/simulador</c>. Mapped only in Development or with
/// <c>Simulator:Enabled=true</c> (the functions always exist and answer 404 otherwise).
/// </summary>
public static class SimulatorHandlers
{
    /// <summary>The page (simulador.html) and the files it loads.</summary>
    internal static WebAssetCatalog Assets { get; } = new("simulator");

    /// <summary>The simulator's route below the host's <c>api</c> prefix: the Functions host forwards only <c>/api/*</c>.</summary>
    public const string Route = "simulador";

    /// <summary>The page. It loads its style and script relative to its own address, which therefore has no trailing
    /// slash (<c>/simulador</c>, <c>/api/simulador</c>).</summary>
    public const string Page = "simulador.html";

    public static bool IsEnabled(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() || configuration.GetValue<bool>("Simulator:Enabled");

    internal static IResult Serve(string file, HttpContext http) =>
        WebAssetResults.Serve(Assets.Find(file), http, $"The simulator has no file '{file}'.");

    internal static async Task<IResult> ListAsync(CatalogStore catalog, IOptions<TwilioOptions> options, CancellationToken ct)
    {
        var chats = new List<object>();
        foreach (var id in await catalog.ListBusinessIdsAsync(ct))
        {
            if (await catalog.GetDocumentAsync(id, ct) is not { } doc) continue;
            foreach (var number in doc.WhatsAppNumbers?.OfType<string>() ?? [])
                chats.Add(new { id, name = doc.Name ?? id, number, shared = false });
        }
        chats.AddRange(options.Value.SharedNumbers.Select(n => (object)new { id = "", name = "Número compartido", number = n, shared = true }));
        return Results.Ok(new { chats, defaultCustomer = "+5491155550000" });
    }

    internal static async Task<IResult> SendAsync(SimulatorMessage message, WebhookSimulator simulator, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (message.BusinessNumber is null || !CatalogValidator.PhonePattern().IsMatch(message.BusinessNumber))
            errors["businessNumber"] = ["Must be an E.164 number like +14155238886."];
        if (message.From is null || !CatalogValidator.PhonePattern().IsMatch(message.From))
            errors["from"] = ["Must be an E.164 number like +5491155550000."];
        if (string.IsNullOrWhiteSpace(message.Text) || message.Text.Length > TwiML.MaxMessageLength)
            errors["text"] = [$"Must have between 1 and {TwiML.MaxMessageLength} characters."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        if (simulator.OwnAddress() is not { } own)
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Simulator unavailable",
                detail: "The simulator posts to the app's own HTTP address, and the app is not listening on one.");
        var result = await simulator.SendAsync(own, message, ct);
        return Results.Ok(new { messageSid = result.MessageSid, status = result.Status, replies = result.Replies });
    }
}
