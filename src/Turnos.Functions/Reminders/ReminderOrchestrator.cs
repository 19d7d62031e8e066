using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Reminders;

/// <summary>
/// One appointment's reminders as a durable orchestration: plan them (the ones still ahead, per the business's
/// policy), sleep on a durable timer until each is due, then send it. The send checks the appointment again, so a
/// cancelled or moved appointment gets nothing, and claims each (appointment, offset) before sending, so a retry or a
/// second instance never sends one twice.
/// </summary>
public sealed class ReminderOrchestrator(IOptions<RemindersOptions> options)
{
    public const string Name = "AppointmentReminders";

    private readonly TaskOptions _retried = TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: options.Value.SendAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(options.Value.SendFirstRetrySeconds), backoffCoefficient: 2));

    [Function(Name)]
    public async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var work = ReminderWork.FromInstanceId(context.InstanceId);
        var schedule = await context.CallJsonActivityAsync<ReminderSchedule>(ReminderActivities.Plan, work, _retried);
        // The waits count from the plan's clock reading; the orchestration's time when the plan came back is the closest
        // replay-safe reading after it (so a reminder goes out never early, at most that return trip late).
        var planned = context.CurrentUtcDateTime;
        foreach (var reminder in schedule.Reminders)
        {
            var due = planned + reminder.Wait;
            if (due > context.CurrentUtcDateTime) await context.CreateTimer(due, CancellationToken.None);
            try
            {
                await context.CallJsonActivityAsync<bool>(ReminderActivities.Send, new ReminderSend(work, schedule.StartUtc, reminder.MinutesBefore), _retried);
            }
            catch (TaskFailedException)
            {
                // Failed even after its retries (Twilio down): this reminder is lost, the next one still goes.
            }
        }
    }
}
