using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Chat;

/// <summary><c>POST /api/chat</c>: the source system's chat endpoint (see <see cref="ChatHandler"/>).</summary>
public sealed class ChatFunction(ChatHandler handler)
{
    [Function("Chat")]
    public async Task<IActionResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "chat")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        (await handler.HandleAsync(request, client)).ToActionResult();
}

public static class ChatSetup
{
    /// <summary>The source system's chat API on the same conversations (see <see cref="ChatHandler"/>).</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ChatMetricsStart>();
        return services.AddSingleton<ChatReplies>().AddSingleton<ChatCall>().AddSingleton<ChatHandler>().AddSingleton<ChatMetrics>();
    }
}

/// <summary>Sets the chat's info series at start: hosts build every hosted service (the metrics collector's among them)
/// before starting any, so by now the collector listens.</summary>
internal sealed class ChatMetricsStart(ChatMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.Announce();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
