using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Conversations.Orchestration;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Sweeping;

/// <summary>
/// Finished conversation instances (their history holds message texts) are purged after the retention; live ones and
/// recent ones stay. The local host's in-memory backend supports purging, so this runs against it. It stamps creation
/// times with the real clock, so the test sets the app's clock from real instants.
/// </summary>
[Collection("Azurite")]
public sealed class HistoryPurgeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private OrchestrationApp _app = null!;

    public async Task InitializeAsync() => _app = await OrchestrationApp.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Filter_IsFinishedInstancesCreatedBeforeNowMinusTheRetention()
    {
        var now = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var purge = new HistoryPurge(Options.Create(new ConversationOptions { HistoryRetentionDays = 3 }),
            new ManualTimeProvider(now), NullLogger<HistoryPurge>.Instance);

        var filter = purge.Filter();

        Assert.Equal(now.AddDays(-3), filter.CreatedTo);
        Assert.Equal(DateTimeOffset.MinValue, filter.CreatedFrom);
        Assert.Equal(new[] { OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated },
            filter.Statuses!.Order());
        Assert.Equal(7, new ConversationOptions().HistoryRetentionDays);
    }

    [Fact]
    public async Task FinishedInstancesOlderThanTheRetention_ArePurged_LiveAndRecentOnesStay()
    {
        var old = await FinishedConversationAsync("+5491155550011");
        // An instance id that names no conversation fails its first generation.
        var failed = await _app.Client.ScheduleNewOrchestrationInstanceAsync(ConversationOrchestrator.Name,
            new StartOrchestrationOptions("conversation:no-customer"));
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await _app.Client.WaitForInstanceCompletionAsync(failed)).RuntimeStatus);
        var live = await _app.SendAsync("+5491155550012", "hola");
        await _app.RepliesAsync("+5491155550012", 1); // answered, now waiting for the next message
        var cutOff = await RealInstantBetweenAsync();
        var recent = await FinishedConversationAsync("+5491155550013");
        var retention = TimeSpan.FromDays(new ConversationOptions().HistoryRetentionDays);

        _app.Clock.Set(cutOff + retention);
        var purged = await _app.Services.GetRequiredService<HistoryPurge>().RunAsync(_app.Client, default);

        Assert.Equal(2, purged);
        Assert.Null(await _app.Client.GetInstanceAsync(old));
        Assert.Null(await _app.Client.GetInstanceAsync(failed));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await _app.Client.GetInstanceAsync(recent))?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await _app.Client.GetInstanceAsync(live.InstanceId))?.RuntimeStatus);

        // Everything older than the retention now, through the timer function: the live instance still stays.
        _app.Clock.Set(DateTimeOffset.UtcNow + retention + TimeSpan.FromMinutes(1));
        await ActivatorUtilities.CreateInstance<HistoryPurgeFunction>(_app.Services).Run(new TimerInfo(), _app.Client, default);

        Assert.Null(await _app.Client.GetInstanceAsync(recent));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await _app.Client.GetInstanceAsync(live.InstanceId))?.RuntimeStatus);
    }

    [Fact]
    public void Metadata_GivesBothTimerFunctionsADurableClient()
    {
        var configuration = typeof(HistoryPurgeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var file = Path.Combine(RepoPaths.Root, "src", "Turnos.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var bindings = doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => (Type: b.GetProperty("type").GetString(),
                Schedule: b.TryGetProperty("schedule", out var s) ? s.GetString() : null)).ToList());

        Assert.Equal(new (string?, string?)[] { ("timerTrigger", "0 17 * * * *"), ("durableClient", null) }, bindings["HistoryPurge"]);
        Assert.Equal(new (string?, string?)[] { ("timerTrigger", "0 */1 * * * *"), ("durableClient", null) }, bindings["Sweeper"]);
    }

    /// <summary>A conversation that answered a message and was then ended (terminated: an idle timeout takes a real hour).</summary>
    private async Task<string> FinishedConversationAsync(string customer)
    {
        var conversation = await _app.SendAsync(customer, "hola");
        await _app.RepliesAsync(customer, 1);
        await _app.Client.TerminateInstanceAsync(conversation.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await _app.Client.WaitForInstanceCompletionAsync(conversation.InstanceId)).RuntimeStatus);
        return conversation.InstanceId;
    }

    /// <summary>A real instant strictly after every instance created so far and before any created next.</summary>
    private static async Task<DateTimeOffset> RealInstantBetweenAsync()
    {
        await Task.Delay(50);
        var instant = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        return instant;
    }
}
