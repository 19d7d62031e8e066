using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Conversations;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.WhatsApp;

namespace Turnos.Functions.Tests.Conversations;

/// <summary>Conversation rows in Azurite, and what the process remembers of them.</summary>
[Collection("Azurite")]
public sealed class ConversationStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private WhatsAppApp _app = null!;
    private ConversationStore Store => _app.Services.GetRequiredService<ConversationStore>();

    public async Task InitializeAsync() => _app = await WhatsAppApp.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Ensure_NewCustomer_CreatesTheRow_AndThePhoneIsFoundByItsKey()
    {
        var key = await Store.EnsureAsync("demo", "+5491155557001", default);

        Assert.Equal(ConversationStore.CustomerKey("+5491155557001"), key);
        Assert.NotNull(await _app.Services.GetRequiredService<TurnosTables>().Conversations.FindAsync("demo", key));
        Assert.Equal("+5491155557001", await Store.PhoneOfAsync("demo", key, default));
        Assert.Null(await Store.PhoneOfAsync("barberia", key, default)); // another business: another conversation
    }

    [Fact]
    public async Task LoadByKey_RowDeletedAsIdleWhileRemembered_StartsOverWithThePhone()
    {
        var key = await Store.EnsureAsync("demo", "+5491155557002", default);
        await _app.Services.GetRequiredService<TurnosTables>().Conversations.DeleteEntityAsync("demo", key);

        var loaded = await Store.LoadByKeyAsync("demo", key, default);

        Assert.Equal("+5491155557002", loaded?.Phone);
        Assert.Equal("+5491155557002", loaded?.State.CustomerPhone);
        Assert.Null(await Store.LoadByKeyAsync("demo", ConversationStore.CustomerKey("+5491155557003"), default));
    }
}
