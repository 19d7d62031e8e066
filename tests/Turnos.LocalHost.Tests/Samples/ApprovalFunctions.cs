using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Turnos.LocalHost.Tests.Samples;

public sealed record ApprovalRequest(string Name, int Amount);

/// <summary>An HTTP starter, an orchestrator that calls an activity and waits for an event, and the activity.</summary>
public sealed class ApprovalFunctions(Greeter greeter)
{
    public const string ApprovalEvent = "approval";

    [Function("StartApproval")]
    public static async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "approvals/{name}")] HttpRequest request,
        string name, int amount, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(Approval), new ApprovalRequest(name, amount), cancellationToken);
        return new AcceptedResult($"/api/approvals/{id}", new { id });
    }

    [Function(nameof(Approval))]
    public static async Task<string> Approval([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var request = context.GetInput<ApprovalRequest>()!;
        var greeting = await context.CallActivityAsync<string>(nameof(Greet), request);
        var approved = await context.WaitForExternalEvent<bool>(ApprovalEvent);
        return $"{greeting}: {request.Amount} {(approved ? "approved" : "rejected")}";
    }

    /// <summary>An instance method: the class (and its Greeter) is built by DI for each call.</summary>
    [Function(nameof(Greet))]
    public string Greet([ActivityTrigger] ApprovalRequest request) => greeter.Greet(request.Name);

    /// <summary>The input as a parameter of its own, the other style the Durable extension allows.</summary>
    [Function(nameof(Doubler))]
    public static Task<int> Doubler([OrchestrationTrigger] TaskOrchestrationContext context, int value) =>
        context.CallActivityAsync<int>(nameof(Double), value);

    [Function(nameof(Double))]
    public static async Task<int> Double([ActivityTrigger] int value)
    {
        await Task.Yield();
        return value * 2;
    }

    /// <summary>
    /// Waits for an event with a timeout, the canonical way: the loser is cancelled (synchronously: an orchestrator
    /// must not await anything but durable tasks) so no timer is left outstanding.
    /// </summary>
    [Function(nameof(Waiter))]
    public static async Task<string> Waiter([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        using var eventCancellation = new CancellationTokenSource();
        using var timerCancellation = new CancellationTokenSource();
        var received = context.WaitForExternalEvent<string>(ApprovalEvent, eventCancellation.Token);
        var timer = context.CreateTimer(TimeSpan.FromSeconds(2), timerCancellation.Token);
        if (await Task.WhenAny(received, timer) == received)
        {
            timerCancellation.Cancel();
            return await received;
        }
        eventCancellation.Cancel();
        return "timed out";
    }
}
