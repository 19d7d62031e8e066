using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.WhatsApp;

namespace Turnos.Functions.Tests.Conversations.Orchestration;

/// <summary>The conversation's inbox in Azurite: a MessageSid queued once, in one transaction with its record.</summary>
[Collection("Azurite")]
public sealed class ConversationInboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Number = "+14155238886";
    private WhatsAppApp _app = null!;
    private ConversationInbox Inbox => _app.Services.GetRequiredService<ConversationInbox>();

    public async Task InitializeAsync() => _app = await WhatsAppApp.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static ConversationRef NewConversation() => new("demo", Guid.NewGuid().ToString("N").ToUpperInvariant());

    [Fact]
    public async Task Add_SameMessageSidAgain_QueuedOnce_EvenAfterItsTurnRan()
    {
        var conversation = NewConversation();

        Assert.True(await Inbox.AddAsync(conversation, new("SMonce", "hola", Number), default));
        Assert.False(await Inbox.AddAsync(conversation, new("SMonce", "hola otra vez", Number), default));
        var next = await Inbox.NextAsync(conversation, default);
        Assert.Equal(("SMonce", "hola"), (next?.MessageSid, next?.Text));
        Assert.NotNull(next!.InboxKey);
        await Inbox.RemoveAsync(conversation, next, default);

        Assert.Null(await Inbox.NextAsync(conversation, default));
        Assert.False(await Inbox.AddAsync(conversation, new("SMonce", "hola", Number), default));
        Assert.Null(await Inbox.NextAsync(conversation, default));
    }

    [Fact]
    public async Task Add_TenConcurrentDeliveries_ExactlyOneQueues()
    {
        var conversation = NewConversation();

        var queued = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Inbox.AddAsync(conversation, new("SMrace", "hola", Number), default)));

        Assert.Single(queued, q => q);
        var next = await Inbox.NextAsync(conversation, default);
        await Inbox.RemoveAsync(conversation, next!, default);
        Assert.Null(await Inbox.NextAsync(conversation, default));
    }

    [Fact]
    public async Task Next_GivesTheOldestWaiting_AndRemoveWithoutTheKeyFindsIt()
    {
        var conversation = NewConversation();
        await Inbox.AddAsync(conversation, new("SMfirst", "uno", Number), default);
        await Inbox.AddAsync(conversation, new("SMsecond", "dos", Number), default);

        Assert.Equal("SMfirst", (await Inbox.NextAsync(conversation, default))?.MessageSid);
        await Inbox.RemoveAsync(conversation, new("SMfirst", "uno", Number), default); // as a message without its inbox key
        Assert.Equal("SMsecond", (await Inbox.NextAsync(conversation, default))?.MessageSid);
    }

    [Fact]
    public async Task WaitingSince_OnlyMessagesStillQueued_NotTheRecordsOfQueuedOnes()
    {
        var (done, waiting) = (NewConversation(), NewConversation());
        await Inbox.AddAsync(done, new("SMdone", "hola", Number), default);
        await Inbox.RemoveAsync(done, (await Inbox.NextAsync(done, default))!, default);
        await Inbox.AddAsync(waiting, new("SMwaiting", "hola", Number), default);

        var found = await Inbox.WaitingSinceAsync(DateTimeOffset.UtcNow.AddMinutes(1), 1000, default);

        Assert.DoesNotContain(found, f => f.Conversation == done);
        Assert.Contains((waiting, "SMwaiting"), found);
    }
}
