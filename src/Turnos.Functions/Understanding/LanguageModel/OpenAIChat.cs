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
            NetworkTimeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds),
            // A retry could not finish inside the budget; the rules are the retry.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        // The SDK appends "chat/completions" to this base (e.g. .../openai/v1/ for Azure OpenAI).
        if (options.Endpoint is not null) clientOptions.Endpoint = options.Endpoint;
        return new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey!), clientOptions);
    }

    public static ChatCompletionOptions CompletionOptions(BusinessSnapshot business) => new()
    {
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
            UnderstandingSchema.Name, UnderstandingSchema.For(business), jsonSchemaIsStrict: true),
        // Extraction, not conversation: the same message should read the same way every time.
        Temperature = 0,
        MaxOutputTokenCount = MaxOutputTokens,
    };
}
