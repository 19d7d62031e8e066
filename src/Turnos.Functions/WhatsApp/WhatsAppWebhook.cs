using System.Diagnostics;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations;
using Turnos.Functions.Observability;

namespace Turnos.Functions.WhatsApp;

/// <summary>
/// <c>POST /api/whatsapp</c>: Twilio's messaging webhook. Checks the signature, finds the business, runs the
/// conversation turn once per MessageSid and answers with TwiML. After the signature check it always answers
/// 200 (an error or a slow turn becomes an apology), because Twilio shows the customer nothing for a 500.
/// The conversation engine is resolved per request, when a turn runs: the app starts without one.
/// </summary>
public sealed partial class WhatsAppWebhook(
    BusinessRouter router,
    MessageLog log,
    IOptions<TwilioOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    TurnosMetrics metrics,
    ILogger<WhatsAppWebhook> logger)
{
    /// <summary>The webhook's route below the host's <c>api</c> prefix.</summary>
    public const string Route = "whatsapp";

    // Beyond the turn's own budget, for a turn that does not stop when cancelled.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var form = await WebhookForm.ReadAsync(http.Request, http.RequestAborted);
        if (form is null)
            return Answered(TurnOutcome.BadRequest, started, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: "The body must be a form (application/x-www-form-urlencoded), as Twilio sends it."));

        var o = options.Value;
        if (o.ValidateSignatures && !TwilioSignature.IsValid(o.AuthToken!, PublicUrl(http.Request, o), form.Pairs, http.Request.Headers[TwilioSignature.Header]))
        {
            LogForged(logger, http.Request.Headers.ContainsKey(TwilioSignature.Header) ? "does not match" : "is missing");
            return Answered(TurnOutcome.Forbidden, started, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "The X-Twilio-Signature header is missing or does not match this request."));
        }

        var (inbound, missing) = TwilioInbound.Parse(form.Fields);
        if (inbound is null)
            return Answered(TurnOutcome.BadRequest, started, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: $"Missing required field(s): {string.Join(", ", missing)}."));

        // Every line logged for this message (the turn's included) names it and its conversation, never the phone.
        using var scope = logger.BeginMessage(inbound.From, inbound.MessageSid);
        // Not the request's token: a turn that finishes after Twilio hung up still stores its replies for the retry.
        var ct = lifetime.ApplicationStopping;
        try
        {
            var (replies, outcome) = await AnswerAsync(inbound, http.RequestServices, ct);
            return Answered(outcome, started, TwiML.Result(replies));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogFailed(logger, e, inbound.MessageSid);
            return Answered(TurnOutcome.Error, started, TwiML.Result([WhatsAppReplies.Problem]));
        }
    }

    private IResult Answered(string outcome, long started, IResult result)
    {
        metrics.Answered(outcome, Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>The URL Twilio signed: the configured public origin (or, locally, the request's own) plus path and query.</summary>
    public static string PublicUrl(HttpRequest request, TwilioOptions options)
    {
        var origin = options.PublicBaseUrl?.OriginalString.TrimEnd('/') ?? $"{request.Scheme}://{request.Host.ToUriComponent()}";
        return origin + request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
    }

    private async Task<(IReadOnlyList<string> Replies, string Outcome)> AnswerAsync(TwilioInbound inbound, IServiceProvider services, CancellationToken ct)
    {
        var destination = await router.ResolveAsync(inbound.To, ct);
        metrics.MessageReceived(destination switch { Destination.Business b => b.Id, Destination.Shared => "_shared", _ => "_unknown" });
        using var scope = destination is Destination.Business business ? logger.BeginBusiness(business.Id) : null;
        if (destination is Destination.Unknown)
        {
            LogUnknownNumber(logger, inbound.MessageSid);
            return ([], TurnOutcome.UnknownNumber);
        }
        if (inbound.Text.Length == 0)
        {
            LogNotText(logger, inbound.MessageSid, inbound.NumMedia);
            return ([WhatsAppReplies.TextOnly], TurnOutcome.NoText);
        }

        switch (await log.ClaimAsync(inbound.MessageSid, ct))
        {
            case MessageClaim.Answered earlier:
                LogRepeat(logger, inbound.MessageSid);
                return (earlier.Replies, TurnOutcome.Duplicate);
            case MessageClaim.Owned claim:
                return await RunAsync(inbound, destination, claim, services, ct);
            default:
                LogStillRunning(logger, inbound.MessageSid);
                return ([WhatsAppReplies.TooSlow], TurnOutcome.InProgress);
        }
    }

    private async Task<(IReadOnlyList<string> Replies, string Outcome)> RunAsync(
        TwilioInbound inbound, Destination destination, MessageClaim.Owned claim, IServiceProvider services, CancellationToken ct)
    {
        try
        {
            var businessId = (destination as Destination.Business)?.Id;
            var text = inbound.Text;
            if (destination is Destination.Shared shared)
            {
                var choice = await router.ChooseAsync(shared.Number, inbound.From, inbound.Text, ct);
                if (choice.Question is { } question)
                {
                    await log.CompleteAsync(claim, null, [question], ct);
                    return ([question], TurnOutcome.AskedBusiness);
                }
                (businessId, text) = (choice.BusinessId, choice.Text);
            }
            using var chosen = destination is Destination.Shared ? logger.BeginBusiness(businessId!) : null;

            var started = time.GetTimestamp();
            var turns = services.GetRequiredService<IConversationTurns>();
            var replies = await TurnAsync(turns, new InboundMessage(businessId!, inbound.From, inbound.ProfileName, text, inbound.MessageSid), ct);
            if (replies is null)
            {
                await log.ReleaseAsync(claim, CancellationToken.None);
                return ([WhatsAppReplies.TooSlow], TurnOutcome.Timeout);
            }
            await log.CompleteAsync(claim, businessId, replies, ct);
            LogAnswered(logger, inbound.MessageSid, businessId!, replies.Count, (long)time.GetElapsedTime(started).TotalMilliseconds);
            return (replies, TurnOutcome.Replied);
        }
        catch
        {
            await log.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The turn's replies, or null when it ran out of time.</summary>
    private async Task<IReadOnlyList<string>?> TurnAsync(IConversationTurns turns, InboundMessage message, CancellationToken ct)
    {
        var budget = options.Value.TurnTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(budget);
        var turn = turns.HandleAsync(message, cts.Token);
        try
        {
            return await turn.WaitAsync(budget + Grace, time, ct);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && cts.IsCancellationRequested && !ct.IsCancellationRequested))
        {
            LogTimeout(logger, message.MessageSid, message.BusinessId, (int)budget.TotalSeconds);
            _ = turn.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            return null;
        }
    }
}
