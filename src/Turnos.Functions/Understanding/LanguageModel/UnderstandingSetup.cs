using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations;
using Turnos.Functions.Observability;

namespace Turnos.Functions.LanguageModel;

public static class UnderstandingSetup
{
    /// <summary>
    /// Registers <see cref="IUnderstandingService"/>: the language model (with the rules as fallback) when
    /// <c>OpenAI:ApiKey</c> is set, otherwise the rules alone. Bad <c>OpenAI:*</c> settings stop the start.
    /// </summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenAIOptions>().Bind(configuration.GetSection(OpenAIOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddTurnosMetrics();
        services.AddSingleton<RulesUnderstandingService>();
        services.AddSingleton<LanguageModelUnderstanding>();
        // Chosen when first resolved, not here, so settings added after registration (tests, hosts) count.
        services.AddSingleton<IUnderstandingService>(sp =>
            sp.GetRequiredService<IOptions<OpenAIOptions>>().Value.Enabled
                ? sp.GetRequiredService<LanguageModelUnderstanding>()
                : sp.GetRequiredService<RulesUnderstandingService>());
        return services;
    }
}
