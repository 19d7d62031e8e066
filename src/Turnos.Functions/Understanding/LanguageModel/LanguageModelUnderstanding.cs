using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Turnos.Core.Conversations;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Observability;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// Asks an OpenAI-compatible chat model to read the message into schema-constrained JSON, validates every
/// value against the catalog and the customer-data rules, and fills what the model left empty from the
/// rules. Any failure — HTTP error, timeout, refusal, truncated or unparsable output — returns the rules'
/// reading instead, so a customer never waits on, or loses a turn to, the model. Photos go with the words when
/// <c>OpenAI:Photos</c> allows (read from Twilio by <paramref name="media"/>); without the model's description, a person
/// of the business is asked to look at them.
/// </summary>
public sealed partial class LanguageModelUnderstanding(
    IOptions<OpenAIOptions> options, ILogger<LanguageModelUnderstanding> logger, TurnosMetrics? metrics = null, TwilioMedia? media = null)
    : IUnderstandingService
{
    private readonly ChatClient _chat = OpenAIChat.CreateClient(options.Value);
    private readonly TimeSpan _budget = TimeSpan.FromMilliseconds(options.Value.TimeoutMilliseconds);
    private readonly TimeSpan _photoBudget = TimeSpan.FromMilliseconds(options.Value.PhotoTimeoutMilliseconds);

    public Task<Understanding> UnderstandAsync(UnderstandingContext context, CancellationToken ct) => UnderstandAsync(context, [], ct);

    public async Task<Understanding> UnderstandAsync(UnderstandingContext context, IReadOnlyList<MessageAttachment> photos, CancellationToken ct)
    {
        // The rules run first: they are the fallback, and they fill gaps in the model's answer.
        var rules = RulesUnderstanding.Understand(context);
        var looking = photos.Count > 0 && options.Value.Photos;
        var started = Stopwatch.GetTimestamp();
        // A voice note alone, or photos the model may not see: no words for it to read.
        if (!looking && string.IsNullOrWhiteSpace(context.Text)) return RulesOnly(rules, started);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(looking ? _photoBudget : _budget);
        string reason;
        try
        {
            var images = looking ? await PhotoParts.LoadAsync(photos, media, budget.Token) : [];
            if (images.Count == 0 && string.IsNullOrWhiteSpace(context.Text)) return RulesOnly(rules, started);
            var prompt = UnderstandingPrompt.User(context, images.Count, rules.Language);
            ChatMessage[] messages =
            [
                new SystemChatMessage(UnderstandingPrompt.System),
                images.Count == 0 ? new UserChatMessage(prompt) : new UserChatMessage([ChatMessageContentPart.CreateTextPart(prompt), .. images]),
            ];
            ChatCompletion completion = await _chat.CompleteChatAsync(messages, OpenAIChat.CompletionOptions(context.Business, images.Count > 0), budget.Token);
            if (!string.IsNullOrEmpty(completion.Refusal)) reason = "refusal";
            else if (completion.FinishReason != ChatFinishReason.Stop || completion.Content.Count == 0) reason = $"finish reason {completion.FinishReason}";
            else if (ModelAnswerReader.Read(completion.Content[0].Text ?? "", context, images.Count > 0) is { } answer)
            {
                LogAnswered(logger, context.Business.Business.Id, images.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                metrics?.Understood(UnderstandingSources.LanguageModel, Stopwatch.GetElapsedTime(started));
                return UnderstandingMerge.Merge(answer, rules);
            }
            else reason = "unparsable answer";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            reason = "timeout";
        }
        catch (ClientResultException e)
        {
            // Only the status: the error body may quote the request.
            reason = e.Status == 0 ? "no response" : $"HTTP {e.Status}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            reason = e.GetType().Name;
        }
        LogFallback(logger, reason, context.Business.Business.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        metrics?.Understood(UnderstandingSources.Fallback, Stopwatch.GetElapsedTime(started));
        return rules;
    }

    private Understanding RulesOnly(Understanding rules, long started)
    {
        metrics?.Understood(UnderstandingSources.Rules, Stopwatch.GetElapsedTime(started));
        return rules;
    }

    // Never the message text, the customer's data, a photo's link or the key: only why, where and how long.
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Language model understanding failed ({Reason}) for business {BusinessId} after {ElapsedMs:0} ms; the rules answered")]
    private static partial void LogFallback(ILogger logger, string reason, string businessId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Language model understood a message for business {BusinessId} ({Photos} photos) in {ElapsedMs:0} ms")]
    private static partial void LogAnswered(ILogger logger, string businessId, int photos, double elapsedMs);
}
