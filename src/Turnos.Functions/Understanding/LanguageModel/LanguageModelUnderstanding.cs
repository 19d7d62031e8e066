using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Turnos.Core.Conversations;
using Turnos.Functions.Conversations;
using Turnos.Functions.Observability;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// Asks an OpenAI-compatible chat model to read the message into schema-constrained JSON, validates every
/// value against the catalog and the customer-data rules, and fills what the model left empty from the
/// rules. Any failure — HTTP error, timeout, refusal, truncated or unparsable output — returns the rules'
/// reading instead, so a customer never waits on, or loses a turn to, the model.
/// </summary>
public sealed partial class LanguageModelUnderstanding(
    IOptions<OpenAIOptions> options, ILogger<LanguageModelUnderstanding> logger, TurnosMetrics? metrics = null) : IUnderstandingService
{
    private readonly ChatClient _chat = OpenAIChat.CreateClient(options.Value);
    private readonly TimeSpan _budget = TimeSpan.FromMilliseconds(options.Value.TimeoutMilliseconds);

    public async Task<Understanding> UnderstandAsync(UnderstandingContext context, CancellationToken ct)
    {
        // The rules run first: they are the fallback, and they fill gaps in the model's answer.
        var rules = RulesUnderstanding.Understand(context);
        var started = Stopwatch.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(_budget);
        string reason;
        try
        {
            ChatMessage[] messages = [new SystemChatMessage(UnderstandingPrompt.System), new UserChatMessage(UnderstandingPrompt.User(context))];
            ChatCompletion completion = await _chat.CompleteChatAsync(messages, OpenAIChat.CompletionOptions(context.Business), budget.Token);
            if (!string.IsNullOrEmpty(completion.Refusal)) reason = "refusal";
            else if (completion.FinishReason != ChatFinishReason.Stop || completion.Content.Count == 0) reason = $"finish reason {completion.FinishReason}";
            else if (ModelAnswerReader.Read(completion.Content[0].Text ?? "", context) is { } answer)
            {
                LogAnswered(logger, context.Business.Business.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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

    // Never the message text, the customer's data or the key: only why, where and how long.
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Language model understanding failed ({Reason}) for business {BusinessId} after {ElapsedMs:0} ms; the rules answered")]
    private static partial void LogFallback(ILogger logger, string reason, string businessId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Language model understood a message for business {BusinessId} in {ElapsedMs:0} ms")]
    private static partial void LogAnswered(ILogger logger, string businessId, double elapsedMs);
}
