using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Turnos.Functions.Admin;
using Turnos.Functions.Businesses;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Chat;

/// <summary>
/// <c>POST /api/chat</c> as the source system's gateway calls it: the message goes to the same conversation orchestration
/// as a WhatsApp message (its session as the conversation's address) and the reply comes back in the response. Always 200
/// with <c>{ "reply": … }</c>, its errors in the source system's words — except what its gateway never sends: no key
/// (401, like every API), a body that is not JSON or a <c>session_id</c> that is not an integer (400).
/// </summary>
public sealed class ChatHandler(CatalogStore catalog, ChatCall call, ChatMetrics metrics, IOptions<ChatOptions> options)
{
    public const string MissingBusiness = "Error de configuración: Context missing required keys in config: ['id_empresa']";
    public const string EmptyMessage = "No recibí tu mensaje. ¿Podrías repetirlo?";

    /// <summary>Bots (the gateway's key), and the business's owners and the platform, who set it up.</summary>
    public static readonly IReadOnlySet<ApiRole> Callers = new HashSet<ApiRole> { ApiRole.Bot, ApiRole.Owner, ApiRole.Platform };

    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient client)
    {
        var (caller, denied) = await ApiAccess.AuthorizeAsync(request, null, [Callers]);
        if (denied is not null) return denied;
        var (chat, problem) = await ReadAsync(request);
        if (chat is null) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: problem);
        if (chat.BusinessExternalId is not { } externalId) return Reply(MissingBusiness);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reply = await AnswerAsync(request, client, caller!, chat, externalId);
        metrics.Answered(externalId, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return reply;
    }

    private async Task<IResult> AnswerAsync(HttpRequest request, DurableTaskClient client, ApiCaller caller, ChatRequest chat, long externalId)
    {
        // Another business's key finds nothing, as if it did not exist.
        if (await catalog.FindBusinessByExternalIdAsync(externalId, request.HttpContext.RequestAborted) is not { } businessId || !caller.CanAccess(businessId))
            return Reply($"Error de configuración: no hay ninguna empresa con id_empresa {externalId} en Turnos.");
        if (string.IsNullOrWhiteSpace(chat.Message)) return Reply(EmptyMessage);

        var timeout = options.Value.TimeoutSeconds;
        var (text, images) = ChatImageLinks.Extract(chat.Message.Trim());
        var message = new ConversationMessage("chat-" + Guid.NewGuid().ToString("N"), text, ChatChannel.Sender, Persona: chat.Persona,
            Booking: chat.Booking, Attachments: images.Count > 0 ? images : null);
        var outcome = await call.AskAsync(client, businessId, ChatChannel.Address(chat.SessionId), message, TimeSpan.FromSeconds(timeout),
            request.HttpContext.RequestAborted);
        return Reply(outcome switch
        {
            { Replies: { } texts } => string.Join("\n\n", texts),
            { HandedOver: true } => $"La solicitud tardó más de {timeout}s. Por favor, intenta de nuevo.",
            _ => "Error procesando mensaje: no se pudo entregar a la conversación. Por favor intenta nuevamente.",
        });
    }

    private static async Task<(ChatRequest? Chat, string? Problem)> ReadAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return ChatRequest.Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }
    }

    private static IResult Reply(string text) => Results.Ok(new ChatResponse(text));
}

/// <summary>The source system's response: always <c>{ "reply": … }</c>.</summary>
public sealed record ChatResponse(string Reply);
