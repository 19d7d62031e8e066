using System.Net;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Turnos.LocalHost.Tests.Samples;

namespace Turnos.LocalHost.Tests;

public sealed class DurableFunctionTests(SampleHostFactory factory) : IClassFixture<SampleHostFactory>
{
    readonly HttpClient http = factory.CreateClient();
    DurableTaskClient Client => factory.Services.GetRequiredService<DurableTaskClient>();

    static CancellationToken Soon => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task An_HTTP_starter_schedules_an_orchestrator_that_calls_an_activity_and_completes_on_an_external_event()
    {
        var response = await http.PostAsync("/api/approvals/Ana?amount=30", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/approvals/{id}", response.Headers.Location?.ToString());

        var started = await Client.WaitForInstanceStartAsync(id, Soon);
        Assert.Equal(nameof(ApprovalFunctions.Approval), started.Name);
        await Client.RaiseEventAsync(id, ApprovalFunctions.ApprovalEvent, true, Soon);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Soon);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Hola, Ana: 30 approved", done.ReadOutputAs<string>());
        Assert.Equal("""{"name":"Ana","amount":30}""", done.SerializedInput);
    }

    [Fact]
    public async Task An_orchestrator_input_parameter_receives_the_input_and_an_async_activity_returns_its_result()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalFunctions.Doubler), 21, Soon);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Soon);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(42, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task An_unknown_orchestrator_name_fails_the_instance()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync("NoSuchOrchestrator", Soon);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Soon);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
    }

    /// <summary>
    /// Facts about the in-memory backend (InProcessTestHost 0.2.3-preview.1) the real app must not rely on: an event
    /// raised before its instance exists is neither refused (Azure Storage answers NotFound) nor dropped; it waits and
    /// is delivered once the instance starts. A durable timer that loses a Task.WhenAny must be cancelled or the
    /// instance stays Running until it fires (durabletask-dotnet #713, #764).
    /// </summary>
    [Theory]
    [InlineData("before start", "early")]
    [InlineData("after start", "on time")]
    [InlineData("never", "timed out")]
    public async Task An_event_reaches_a_waiting_orchestrator_even_when_raised_before_the_instance_exists(string when, string expected)
    {
        var id = $"waiter-{Guid.NewGuid():N}";
        if (when == "before start")
            await Client.RaiseEventAsync(id, ApprovalFunctions.ApprovalEvent, "early", Soon);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalFunctions.Waiter), new StartOrchestrationOptions(id), Soon);
        if (when == "after start")
        {
            await Client.WaitForInstanceStartAsync(id, Soon);
            await Client.RaiseEventAsync(id, ApprovalFunctions.ApprovalEvent, "on time", Soon);
        }
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Soon);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(expected, done.ReadOutputAs<string>());
    }
}
