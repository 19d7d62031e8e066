using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Conversations.Orchestration;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Sweeping;

/// <summary>
/// A message whose hand-over stopped after the inbox (the process died, or the local host lost its instances) is
/// answered by the sweeper's inbox reconciliation, once however often it runs.
/// </summary>
[Collection("Azurite")]
public sealed class InboxReconciliationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Customer = "+5491155550003";
    private const string Job = "inbox-reconciliation";
    private OrchestrationApp _app = null!;

    public async Task InitializeAsync() => _app = await OrchestrationApp.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<SweepReport> SweepAsync() => _app.Services.GetRequiredService<Sweeper>().RunAsync(_app.Client, default);

    private static int Started(SweepReport report) => Assert.Single(report.Jobs, j => j.Job == Job).Count;

    /// <summary>What the hand-over leaves when it stops right after the inbox: the conversation's row and the message.</summary>
    private async Task<(ConversationRef Conversation, string Sid)> StrandAsync(string text)
    {
        var key = await _app.Services.GetRequiredService<ConversationStore>().EnsureAsync(Demo.Id, Customer, default);
        var conversation = new ConversationRef(Demo.Id, key);
        var sid = _app.NextSid();
        await _app.Services.GetRequiredService<ConversationInbox>().AddAsync(conversation,
            new ConversationMessage(sid, text, OrchestrationApp.BusinessNumber), default);
        return (conversation, sid);
    }

    [Fact]
    public async Task MessageInTheInbox_WithoutAnInstance_IsAnsweredOnce_ThoughSweptTwice()
    {
        var (conversation, sid) = await StrandAsync("hola");

        var early = await SweepAsync(); // under a minute: the hand-over may still be at work
        Assert.Equal((Job, 0), (early.Jobs[^1].Job, Started(early)));
        Assert.Null(await _app.Client.GetInstanceAsync(conversation.InstanceId));

        _app.Clock.Advance(InboxReconciliation.WaitingFor + TimeSpan.FromSeconds(1));
        var first = await SweepAsync();
        // The second run comes through the timer function, as on either host; the instance is live by now.
        await ActivatorUtilities.CreateInstance<SweeperFunction>(_app.Services).Run(new TimerInfo(), _app.Client, default);
        await _app.AnsweredAsync(conversation, sid);

        Assert.Equal(1, Started(first));
        Assert.Contains($"{Job}: 1", first.Lines());
        Assert.Equal(0, Started(await SweepAsync())); // answered: nothing waits any more
        Assert.Null(await _app.Services.GetRequiredService<ConversationInbox>().NextAsync(conversation, default));
        Assert.Single(_app.Twilio.Delivered, d => d.Body.Contains("Soy Luna", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessageInTheInbox_NeverAnnouncedToTheWaitingInstance_IsAnswered()
    {
        await _app.SayAsync(Customer, "hola"); // the instance now waits for the event of the next message
        var (conversation, sid) = await StrandAsync("¿cuánto sale el corte?");
        _app.Clock.Advance(InboxReconciliation.WaitingFor + TimeSpan.FromSeconds(1));

        var report = await SweepAsync();
        await _app.AnsweredAsync(conversation, sid);

        Assert.Equal(0, Started(report)); // it was running: told, not started
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await _app.Client.GetInstanceAsync(conversation.InstanceId))?.RuntimeStatus);
        Assert.Contains(await _app.RepliesAsync(Customer, 2), r => r.Contains("$5.000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StorageOnlySweep_LeavesTheInboxToTheSweepWithADurableClient()
    {
        var (conversation, _) = await StrandAsync("hola");
        _app.Clock.Advance(InboxReconciliation.WaitingFor + TimeSpan.FromSeconds(1));

        var report = await _app.Services.GetRequiredService<Sweeper>().RunAsync(default);

        Assert.DoesNotContain(report.Jobs, j => j.Job == Job);
        Assert.Null(await _app.Client.GetInstanceAsync(conversation.InstanceId));
    }
}
