using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Businesses;
using Turnos.Functions.Chat;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Widget;

/// <summary>
/// The widget's endpoints, public (no key: the widget runs in any visitor's browser): the business's name for the chat's
/// header, and a message in and its replies out. A message goes to the same conversation orchestration as a WhatsApp one,
/// its address the browser's conversation (<see cref="WidgetChannel"/>), and its replies are handed back to the waiting
/// call as <c>POST /api/chat</c>'s are (<see cref="ChatReplies"/>). Checked in this order: the business exists (404), the
/// page's origin may embed it (403, see <see cref="WidgetCors"/>), the body (400), the abuse limits (429).
/// </summary>
public sealed partial class WidgetHandler(CatalogStore catalog, ChatCall call, WidgetLimits limits, WidgetMetrics metrics,
    IOptions<WidgetOptions> options, ILogger<WidgetHandler> logger)
{
    public async Task<IResult> InfoAsync(HttpRequest request, string negocio)
    {
        var business = await FindAsync(negocio, request.HttpContext.RequestAborted);
        if (!WidgetCors.Allow(request.HttpContext, business?.WebChat)) return WidgetCors.Refused();
        if (business is null) return NotFound();
        return Results.Ok(new WidgetInfo(business.Id, business.Name, business.Persona.BotName));
    }

    public async Task<IResult> PreflightAsync(HttpRequest request, string negocio, string method) =>
        WidgetCors.Preflight(request.HttpContext, (await FindAsync(negocio, request.HttpContext.RequestAborted))?.WebChat, method);

    public async Task<IResult> PostAsync(HttpRequest request, DurableTaskClient client, string negocio)
    {
        var ct = request.HttpContext.RequestAborted;
        var business = await FindAsync(negocio, ct);
        if (!WidgetCors.Allow(request.HttpContext, business?.WebChat))
        {
            metrics.Message(business!.Id, WidgetMetrics.OriginRefused);
            return WidgetCors.Refused();
        }
        if (business is null) return NotFound();
        var (message, problem) = await WidgetRequest.ReadAsync(request, ct);
        if (message is null) return problem!;
        if (await limits.TakeAsync(business.Id, message.ConversationId, request.HttpContext.Connection.RemoteIpAddress, ct) is { } wait)
        {
            metrics.Message(business.Id, WidgetMetrics.Limited);
            LogLimited(business.Id);
            request.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(title: "Too many messages", detail: WidgetTexts.Limited(wait), statusCode: StatusCodes.Status429TooManyRequests);
        }
        return await AnswerAsync(client, business.Id, message, ct);
    }

    private async Task<IResult> AnswerAsync(DurableTaskClient client, string businessId, WidgetRequest message, CancellationToken ct)
    {
        var outcome = await call.AskAsync(client, businessId, WidgetChannel.Address(message.ConversationId),
            new ConversationMessage("web-" + Guid.NewGuid().ToString("N"), message.Text, WidgetChannel.Sender),
            TimeSpan.FromSeconds(options.Value.TimeoutSeconds), ct);
        var (kind, result) = outcome switch
        {
            { Replies: { } texts } => (WidgetMetrics.Answered, (IResult)Results.Ok(new WidgetReply(texts))),
            { HandedOver: true } => (WidgetMetrics.TimedOut,
                Results.Problem(title: "No reply in time", detail: WidgetTexts.TimedOut, statusCode: StatusCodes.Status504GatewayTimeout)),
            _ => (WidgetMetrics.Failed, Results.Problem(title: "Not delivered", detail: WidgetTexts.Failed, statusCode: StatusCodes.Status503ServiceUnavailable)),
        };
        metrics.Message(businessId, kind);
        return result;
    }

    private async Task<Business?> FindAsync(string negocio, CancellationToken ct) =>
        CatalogValidator.IdPattern().IsMatch(negocio) ? (await catalog.GetSnapshotAsync(negocio, ct))?.Business : null;

    private static IResult NotFound() =>
        Results.Problem(title: "Business not found", detail: WidgetTexts.Unavailable, statusCode: StatusCodes.Status404NotFound);

    [LoggerMessage(Level = LogLevel.Information, Message = "Widget message in {BusinessId} refused: over a limit")]
    private partial void LogLimited(string businessId);
}

/// <summary>What the widget's header shows.</summary>
public sealed record WidgetInfo(string Id, string Name, string BotName);

/// <summary>A message's replies, in order (a turn may give several).</summary>
public sealed record WidgetReply(IReadOnlyList<string> Replies);
