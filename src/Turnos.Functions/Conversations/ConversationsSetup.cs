namespace Turnos.Functions.Conversations;

public static class ConversationsSetup
{
    /// <summary>The conversation engine: state store, understanding and the turn runner.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
