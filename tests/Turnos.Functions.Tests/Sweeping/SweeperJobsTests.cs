using Azure.Data.Tables;
using Turnos.Core.Booking;
using Turnos.Core.Conversations;
using Turnos.Functions.Booking;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Storage;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.Sweeping;

/// <summary>The sweeper's upkeep jobs against real tables: what goes, and what must stay.</summary>
[Collection("Azurite")]
public sealed class SweeperJobsTests(AzuriteFixture azurite) : AppTests(azurite)
{
    private Task<SweepReport> SweepAsync() => App.Get<Sweeper>().RunAsync(default);

    private static int Count(SweepReport report, string job) => Assert.Single(report.Jobs, j => j.Job == job).Count;

    [Fact]
    public async Task Sweep_RunsEveryJobInOrder_AndAnEmptySweepHasNothingToSay()
    {
        var report = await SweepAsync();

        Assert.True(report.Ran);
        Assert.Equal(["oauth-links", "messages", "conversations", "widget-limits", "schedule"], report.Jobs.Select(j => j.Job));
        Assert.All(report.Jobs, j => Assert.Null(j.Error));
        Assert.Empty(report.Lines());
    }

    [Fact]
    public async Task Messages_OlderThanAWeek_AreDeleted_RecentOnesAndSharedNumberChoicesStay()
    {
        var log = App.Get<MessageLog>();
        var table = App.Get<WhatsAppTables>().Messages;
        var done = Assert.IsType<MessageClaim.Owned>(await log.ClaimAsync("SMold-done", default));
        await log.CompleteAsync(done, Demo.Id, default);
        var abandoned = Assert.IsType<MessageClaim.Owned>(await log.ClaimAsync("SMold-pending", default));
        // A customer's choice on a shared number lives in the same table; even an old timestamp must not matter.
        var choice = new TableEntity(WhatsAppTables.RoutePartition("+14155550199"), WhatsAppTables.CustomerKey("+5491155550000"))
        {
            ["BusinessId"] = Demo.Id,
            ["CompletedUtc"] = App.Clock.GetUtcNow(),
        };
        await table.TryUpsertAsync(choice);
        // A message whose turn never ran, left in its conversation's inbox.
        var inbox = App.Get<ConversationInbox>();
        var conversation = new ConversationRef(Demo.Id, ConversationStore.CustomerKey("+5491155550000"));
        await inbox.AddAsync(conversation, new ConversationMessage("SMstuck", "hola", "+14155238886"), default);

        App.Clock.Advance(MessageRetention.KeepFor + TimeSpan.FromHours(1));
        var recent = Assert.IsType<MessageClaim.Owned>(await log.ClaimAsync("SMrecent", default));
        await log.CompleteAsync(recent, Demo.Id, default);
        var other = new ConversationRef(Demo.Id, ConversationStore.CustomerKey("+5491155550002"));
        await inbox.AddAsync(other, new ConversationMessage("SMwaiting", "hola", "+14155238886"), default);

        var report = await SweepAsync();

        // Two log rows, the stuck message and the inbox's record of having queued it.
        Assert.Equal(4, Count(report, "messages"));
        Assert.Contains("messages: 4", report.Lines());
        Assert.Null(await inbox.NextAsync(conversation, default));
        Assert.Equal("SMwaiting", (await inbox.NextAsync(other, default))?.MessageSid);
        Assert.False(await inbox.AddAsync(other, new ConversationMessage("SMwaiting", "hola", "+14155238886"), default));
        Assert.Null(await table.FindAsync(done.PartitionKey, done.MessageSid));
        Assert.Null(await table.FindAsync(abandoned.PartitionKey, abandoned.MessageSid));
        Assert.NotNull(await table.FindAsync(recent.PartitionKey, recent.MessageSid));
        Assert.NotNull(await table.FindAsync(choice.PartitionKey, choice.RowKey));
        Assert.Equal(0, Count(await SweepAsync(), "messages"));
    }

    [Fact]
    public async Task Conversations_Idle90Days_AreDeleted_ActiveOnesAndTheCustomerProfileStay()
    {
        var store = App.Get<ConversationStore>();
        var idle = Demo.Customer(1);
        var active = Demo.Customer(2);
        Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10, customer: 1)));
        await SaveAsync(store, idle.Phone, name: idle.Name);
        await SaveAsync(store, active.Phone, name: active.Name);

        App.Clock.Advance(ConversationRetention.IdleFor - TimeSpan.FromDays(1));
        await SaveAsync(store, active.Phone, name: active.Name); // wrote again: no longer idle
        App.Clock.Advance(TimeSpan.FromDays(2));

        var report = await SweepAsync();

        Assert.Equal(1, Count(report, "conversations"));
        Assert.Null((await store.LoadAsync(Demo.Id, idle.Phone, default)).ETag);
        Assert.NotNull((await store.LoadAsync(Demo.Id, active.Phone, default)).ETag);
        var profile = await App.Get<CustomerStore>().GetAsync(Demo.Id, idle.Phone);
        Assert.Equal(idle.Name, profile?.Name);
    }

    private async Task SaveAsync(ConversationStore store, string phone, string name)
    {
        var (state, etag) = await store.LoadAsync(Demo.Id, phone, default);
        var saved = state with { CustomerName = name, Mode = ConversationMode.Booking, LastActivityUtc = App.Clock.GetUtcNow() };
        Assert.True(await store.TrySaveAsync(saved, etag, default));
    }
}
