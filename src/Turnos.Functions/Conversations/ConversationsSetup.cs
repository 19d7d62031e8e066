using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.LanguageModel;

namespace Turnos.Functions.Conversations;

public static class ConversationsSetup
{
    /// <summary>The conversation engine: state store, understanding (rules, or a language model when
    /// configured) and the turn runner the WhatsApp webhook calls.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddUnderstanding(configuration);
        services.AddSingleton<KnownConversations>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ConversationPhotos>();
        services.AddSingleton<TurnFactsLoader>();
        services.AddSingleton<TurnEffects>();
        services.AddSingleton<ConversationReplies>();
        services.AddSingleton<ConversationHandOver>();
        services.AddSingleton<ConversationInbox>();
        return services;
    }
}
