using System.ComponentModel.DataAnnotations;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// The optional language model. Without <see cref="ApiKey"/> the rules understand every message; with it,
/// the model is asked first and the rules still answer whenever it fails or is slow.
/// </summary>
public sealed class OpenAIOptions : IValidatableObject
{
    public const string Section = "OpenAI";

    /// <summary>OpenAI key, Azure OpenAI resource key, or any non-empty value for a server that needs none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Base URL the client appends <c>chat/completions</c> to. Empty means OpenAI itself. Azure OpenAI:
    /// <c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c> with the deployment name as <see cref="Model"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model, or the Azure OpenAI deployment name. A fast non-reasoning model fits the time budget.</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>
    /// The model's whole budget per message. Twilio waits 15 s for the webhook, which also reads and writes
    /// storage and may book, so the model gets a small slice and the rules answer when it is exceeded.
    /// </summary>
    public int TimeoutMilliseconds { get; set; } = 3500;

    public const int MinimumTimeoutMilliseconds = 200;
    public const int MaximumTimeoutMilliseconds = 10_000;

    /// <summary>Whether photos customers send go to the model (it must read images, as gpt-4o-mini does). Without this,
    /// or when the model fails, a person of the business is asked to look at them.</summary>
    public bool Photos { get; set; } = true;

    /// <summary>The budget of a message with photos, reading them from Twilio included: a model takes longer over images,
    /// and the reply goes out through the Messages API, so Twilio's webhook is not waiting for it.</summary>
    public int PhotoTimeoutMilliseconds { get; set; } = 12_000;

    public const int MaximumPhotoTimeoutMilliseconds = 30_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is not null && !(Endpoint.IsAbsoluteUri && Endpoint.Scheme is "https" or "http"))
            yield return new ValidationResult(
                "OpenAI:Endpoint must be an absolute http(s) URL, e.g. https://<resource>.openai.azure.com/openai/v1/.",
                [nameof(Endpoint)]);
        // A configured endpoint without a key would be silently ignored, which hides a misconfiguration.
        if (Endpoint is not null && !Enabled)
            yield return new ValidationResult(
                "OpenAI:Endpoint is set but OpenAI:ApiKey is empty; the language model is only used with a key " +
                "(any non-empty value for a server that needs none).", [nameof(ApiKey)]);
        if (Enabled && string.IsNullOrWhiteSpace(Model))
            yield return new ValidationResult("OpenAI:Model must name a model (or an Azure OpenAI deployment).", [nameof(Model)]);
        if (TimeoutMilliseconds is < MinimumTimeoutMilliseconds or > MaximumTimeoutMilliseconds)
            yield return new ValidationResult(
                $"OpenAI:TimeoutMilliseconds must be between {MinimumTimeoutMilliseconds} and {MaximumTimeoutMilliseconds} " +
                "(the whole webhook must answer within Twilio's 15 s).", [nameof(TimeoutMilliseconds)]);
        if (PhotoTimeoutMilliseconds is < MinimumTimeoutMilliseconds or > MaximumPhotoTimeoutMilliseconds)
            yield return new ValidationResult(
                $"OpenAI:PhotoTimeoutMilliseconds must be between {MinimumTimeoutMilliseconds} and {MaximumPhotoTimeoutMilliseconds}.",
                [nameof(PhotoTimeoutMilliseconds)]);
    }
}
