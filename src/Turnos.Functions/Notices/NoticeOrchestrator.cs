using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Notices;

/// <summary>
/// One change's notices to the professionals as a durable orchestration: off the request path, and retried when the sender
/// fails (Twilio down), while each professional's notice is claimed before it is sent, so a retry or a second start never
/// sends one twice.
/// </summary>
public sealed class NoticeOrchestrator(IOptions<ConversationOptions> options)
{
    public const string Name = "ProfessionalNotices";

    private readonly TaskOptions _retried = TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: options.Value.ActivityAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(options.Value.ActivityFirstRetrySeconds), backoffCoefficient: 2));

    [Function(Name)]
    public async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        try
        {
            await context.CallJsonActivityAsync<int>(NoticeActivities.Send, NoticeWork.FromInstanceId(context.InstanceId), _retried);
        }
        catch (TaskFailedException)
        {
            // Failed even after its retries: the notices not sent by then are lost (the activity logged why); the
            // appointment itself stands, and staff still see it in the console.
        }
    }
}
