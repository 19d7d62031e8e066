using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;
using Turnos.Core.Businesses;

namespace Turnos.Functions.LanguageModel;

/// <summary>The SDK client and the request shape used for every message.</summary>
internal static class OpenAIChat
{
    /// <summary>Room for the JSON answer; a longer one is a runaway and falls back anyway.</summary>
    private const int MaxOutputTokens = 300;

    public static ChatClient CreateClient(OpenAIOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // The longer of the two budgets; each request's own is enforced by its caller.
            NetworkTimeout = TimeSpan.FromMilliseconds(Math.Max(options.TimeoutMilliseconds, options.PhotoTimeoutMilliseconds)),
            // A retry could not finish inside the budget; the rules are the retry.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        // The SDK appends "chat/completions" to this base (e.g. .../openai/v1/ for Azure OpenAI).
        if (options.Endpoint is not null) clientOptions.Endpoint = options.Endpoint;
        return new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey!), clientOptions);
    }

    /// <param name="photos">Whether photos go with the message: the answer then has room for what they show.</param>
    public static ChatCompletionOptions CompletionOptions(BusinessSnapshot business, bool photos = false) => new()
    {
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
            UnderstandingSchema.Name, UnderstandingSchema.For(business, photos), jsonSchemaIsStrict: true),
        // Extraction, not conversation: the same message should read the same way every time.
        Temperature = 0,
        MaxOutputTokenCount = photos ? MaxOutputTokens + 100 : MaxOutputTokens,
    };
}
