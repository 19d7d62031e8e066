using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Observability;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.WhatsApp;

/// <summary>
/// <c>POST /api/whatsapp</c>: Twilio's messaging webhook. Checks the signature, finds the business and hands the
/// message to its conversation's orchestration, which answers through the Messages API. Twilio delivers again on
/// timeouts: the conversation's inbox queues a MessageSid once (on a shared number, which asks for the business
/// first, the message log claims it before that). The webhook itself answers an empty TwiML <c>&lt;Response/&gt;</c>
/// at once. The few answers it gives itself (no text and no media, which business on a shared number, an apology) go out through
/// <see cref="ReplyDelivery"/> too, each part once.
/// </summary>
public sealed partial class WhatsAppWebhook(
    BusinessRouter router,
    MessageLog log,
    ConversationHandOver handOver,
    ConversationStore conversations,
    ReplyDelivery delivery,
    IOptions<TwilioOptions> options,
    IHostApplicationLifetime lifetime,
    TurnosMetrics metrics,
    ILogger<WhatsAppWebhook> logger)
{
    /// <summary>The webhook's route below the host's <c>api</c> prefix.</summary>
    public const string Route = "whatsapp";

    public async Task<IResult> HandleAsync(HttpContext http, DurableTaskClient client)
    {
        var started = Stopwatch.GetTimestamp();
        var form = await WebhookForm.ReadAsync(http.Request, http.RequestAborted);
        if (form is null)
            return Answered(TurnOutcome.BadRequest, started, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: "The body must be a form (application/x-www-form-urlencoded), as Twilio sends it."));

        var o = options.Value;
        if (!IsSigned(http.Request, o, form))
        {
            LogForged(logger, http.Request.Headers.ContainsKey(TwilioSignature.Header) ? "does not match" : "is missing");
            return Answered(TurnOutcome.Forbidden, started, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "The X-Twilio-Signature header is missing or does not match this request."));
        }

        var (inbound, missing) = TwilioInbound.Parse(form.Fields);
        if (inbound is null)
            return Answered(TurnOutcome.BadRequest, started, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: $"Missing required field(s): {string.Join(", ", missing)}."));

        // Every line logged for this message names it and its conversation, never the phone.
        using var scope = logger.BeginMessage(inbound.From, inbound.MessageSid);
        // Not the request's token: a hand-over that Twilio stops waiting for still finishes.
        var ct = lifetime.ApplicationStopping;
        try
        {
            return Answered(await ReceiveAsync(inbound, client, ct), started, TwiML.Result([]));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogFailed(logger, e, inbound.MessageSid);
            await TryApologiseAsync(inbound);
            return Answered(TurnOutcome.Error, started, TwiML.Result([]));
        }
    }

    private IResult Answered(string outcome, long started, IResult result)
    {
        metrics.Answered(outcome, Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>Whether Twilio signed this request (always, with signature checks off): the webhook's and the status
    /// callback's credential.</summary>
    public static bool IsSigned(HttpRequest request, TwilioOptions o, WebhookForm form) =>
        !o.ValidateSignatures || TwilioSignature.IsValid(o.AuthToken!, PublicUrl(request, o), form.Pairs, request.Headers[TwilioSignature.Header]);

    /// <summary>The URL Twilio signed: the configured public origin (or, locally, the request's own) plus path and query.</summary>
    public static string PublicUrl(HttpRequest request, TwilioOptions options)
    {
        var origin = options.PublicBaseUrl?.OriginalString.TrimEnd('/') ?? $"{request.Scheme}://{request.Host.ToUriComponent()}";
        return origin + request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
    }

    private async Task<string> ReceiveAsync(TwilioInbound inbound, DurableTaskClient client, CancellationToken ct)
    {
        var destination = await router.ResolveAsync(inbound.To, ct);
        metrics.MessageReceived(destination switch { Destination.Business b => b.Id, Destination.Shared => "_shared", _ => "_unknown" });
        using var scope = destination is Destination.Business business ? logger.BeginBusiness(business.Id) : null;
        if (destination is Destination.Unknown)
        {
            LogUnknownNumber(logger, inbound.MessageSid);
            return TurnOutcome.UnknownNumber;
        }
        // A photo or a voice note alone goes to the conversation, which answers it; a location or a contact card (no text,
        // no media) cannot be read at all.
        if (inbound.Text.Length == 0 && inbound.Media.Count == 0)
        {
            LogNotText(logger, inbound.MessageSid, inbound.NumMedia);
            // No words to tell the language by: the conversation's, when the customer wrote to this business before.
            var language = destination is Destination.Business known ? (await conversations.LoadAsync(known.Id, inbound.From, ct)).State.Language : null;
            await ReplyAsync(inbound, WhatsAppReplies.TextOnlyIn(language), ct);
            return TurnOutcome.NoText;
        }

        if (destination is Destination.Business direct) return await HandOverAsync(inbound, direct.Id, inbound.Text, client, ct);

        // A shared number asks which business before any conversation exists: one delivery of the message does that.
        switch (await log.ClaimAsync(inbound.MessageSid, ct))
        {
            case MessageClaim.Owned claim:
                return await ChooseBusinessAsync(inbound, (Destination.Shared)destination, claim, client, ct);
            case MessageClaim.Answered:
                LogRepeat(logger, inbound.MessageSid);
                return TurnOutcome.Duplicate;
            default:
                LogStillRunning(logger, inbound.MessageSid);
                return TurnOutcome.InProgress;
        }
    }

    private async Task<string> ChooseBusinessAsync(TwilioInbound inbound, Destination.Shared shared, MessageClaim.Owned claim, DurableTaskClient client,
        CancellationToken ct)
    {
        try
        {
            var choice = await router.ChooseAsync(shared.Number, inbound.From, inbound.Text, ct);
            string outcome;
            if (choice.Question is { } question)
            {
                await ReplyAsync(inbound, question, ct);
                outcome = TurnOutcome.AskedBusiness;
            }
            else
            {
                using var chosen = logger.BeginBusiness(choice.BusinessId!);
                outcome = await HandOverAsync(inbound, choice.BusinessId!, choice.Text, client, ct);
            }
            await log.CompleteAsync(claim, choice.BusinessId, ct);
            return outcome;
        }
        catch
        {
            // A retry of this delivery (Twilio's, with a retry policy on the webhook URL) may try again.
            await log.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Queues the message in its conversation and wakes the conversation. The inbox queues a MessageSid once,
    /// so a redelivered message is answered once; it is woken for all the same, in case the first delivery stopped
    /// between queuing and waking.</summary>
    private async Task<string> HandOverAsync(TwilioInbound inbound, string businessId, string text, DurableTaskClient client, CancellationToken ct)
    {
        var message = new ConversationMessage(inbound.MessageSid, text, inbound.To, Attachments: inbound.Media.Count > 0 ? inbound.Media : null);
        if (!await handOver.HandOverAsync(client, businessId, inbound.From, message, ct))
        {
            LogRepeat(logger, inbound.MessageSid);
            return TurnOutcome.Duplicate;
        }
        LogHandedOver(logger, inbound.MessageSid, businessId);
        return TurnOutcome.HandedOver;
    }

    /// <summary>A reply the webhook gives itself, from the business's number.</summary>
    private Task ReplyAsync(TwilioInbound inbound, string text, CancellationToken ct) =>
        delivery.DeliverAsync(inbound.MessageSid, inbound.To, inbound.From, [text], ct);

    private async Task TryApologiseAsync(TwilioInbound inbound)
    {
        try
        {
            await ReplyAsync(inbound, WhatsAppReplies.ProblemFor(inbound.Text), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogApologyFailed(logger, e, inbound.MessageSid);
        }
    }
}
