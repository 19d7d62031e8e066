using Microsoft.Extensions.DependencyInjection;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Conversations.Orchestration;

/// <summary>Each conversation as a durable orchestration (in-memory backend), replies sent through the Twilio
/// Messages API. "Now" is Monday 2026-11-23 12:00 in Buenos Aires; "el martes" is the 24th.</summary>
[Collection("Azurite")]
public sealed class ConversationOrchestrationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Customer = "+5491155550001";
    private OrchestrationApp _app = null!;

    public async Task InitializeAsync() => _app = await OrchestrationApp.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Dialogue_OverSeveralMessages_BooksAndRepliesThroughTwilio()
    {
        var first = await _app.SayAsync(Customer, "Hola! quiero un corte de pelo el martes a las 10, soy Juan Pérez, juan@example.com");
        var done = await _app.SayAsync(Customer, "sí");

        Assert.Contains("Soy Luna, el asistente de *Peluquería Demo*", first);
        Assert.EndsWith("¿Confirmo? Responde *sí* o *no*.", first);
        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", done);
        var booked = Assert.Single(await _app.Services.GetRequiredService<AppointmentStore>()
            .ListAsync(Demo.Id, Demo.At(2026, 11, 23, 0), Demo.At(2026, 12, 1, 0), default));
        Assert.Equal((AppointmentSource.WhatsApp, "Juan Pérez", Customer, Demo.Tuesday10), (booked.Source, booked.Customer.Name, booked.Customer.Phone, booked.StartUtc));
        Assert.Contains($"Código: *{booked.Code}*", done);
        var (saved, _) = await _app.Services.GetRequiredService<ConversationStore>().LoadAsync(Demo.Id, Customer, default);
        Assert.Equal((Customer, "Juan Pérez", 2), (saved.CustomerPhone, saved.CustomerName, saved.Turns));
    }

    [Fact]
    public async Task SameMessageSidTwice_IsAnsweredOnce()
    {
        var sid = _app.NextSid();
        await _app.SendAsync(Customer, "hola", sid);
        var conversation = await _app.SendAsync(Customer, "hola", sid);
        var later = await _app.SayAsync(Customer, "¿cuánto sale el corte?"); // answered after the repeat was dropped

        var all = await _app.RepliesAsync(Customer, 1);
        var (saved, _) = await _app.Services.GetRequiredService<ConversationStore>().LoadAsync(Demo.Id, Customer, default);

        Assert.Equal(2, saved.Turns);
        Assert.Single(all, r => r.Contains("Soy Luna", StringComparison.Ordinal));
        Assert.Contains("$5.000", later);
        Assert.Equal(conversation.InstanceId, ConversationRef.FromInstanceId(conversation.InstanceId).InstanceId);
    }

    [Fact]
    public async Task TwoMessagesAtOnce_FromANewCustomer_AreBothAnsweredInOrder()
    {
        // The test clock stands still, so both arrive at the same instant and the inbox orders them by sid: first, second.
        var (first, second) = (_app.NextSid(), _app.NextSid());
        var conversations = await Task.WhenAll(
            _app.SendAsync(Customer, "quiero un corte el martes a las 10, soy Juan Pérez, juan@example.com", first),
            _app.SendAsync(Customer, "sí", second));
        await _app.AnsweredAsync(conversations[0], second);

        var (saved, _) = await _app.Services.GetRequiredService<ConversationStore>().LoadAsync(Demo.Id, Customer, default);
        var replies = await _app.RepliesAsync(Customer, 2);

        Assert.Equal(conversations[0], conversations[1]);
        Assert.Equal(2, saved.Turns);
        // Only in this order does the "sí" confirm the booking the first message asked for.
        Assert.Single(await _app.Services.GetRequiredService<AppointmentStore>()
            .ListAsync(Demo.Id, Demo.At(2026, 11, 23, 0), Demo.At(2026, 12, 1, 0), default));
        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", replies[^1]);
    }

    [Fact]
    public async Task TwilioAnswers500ThenAccepts_EachReplyIsDeliveredOnce()
    {
        var failed = 0;
        _app.Twilio.Respond = _ => Interlocked.Exchange(ref failed, 1) == 0 ? 500 : 201;

        var first = await _app.SayAsync(Customer, "hola");

        Assert.Equal(1, failed);
        Assert.Single(_app.Twilio.Delivered, d => d.Body.Contains("Soy Luna", StringComparison.Ordinal));
        Assert.Contains("¿Qué necesitas?", first);
    }

    [Fact]
    public async Task TurnFailingEvenAfterRetries_IsDroppedWithoutFailingTheConversation()
    {
        await _app.DisposeAsync();
        _app = await OrchestrationApp.StartAsync(azurite, extra: new Dictionary<string, string?>
        {
            ["Conversations:ActivityAttempts"] = "2",
            ["Conversations:ActivityFirstRetrySeconds"] = "0.05",
        });
        _app.Twilio.Respond = _ => 500; // Twilio down: neither the replies nor the apology go out

        var sid = _app.NextSid();
        var conversation = await _app.SendAsync(Customer, "hola", sid);
        await _app.AnsweredAsync(conversation, sid); // throws if the generation failed
        _app.Twilio.Respond = _ => 201;
        var later = await _app.SayAsync(Customer, "¿cuánto sale el corte?");

        Assert.Contains("$5.000", later);
        Assert.DoesNotContain(_app.Twilio.Delivered, d => d.Body.Contains("Soy Luna", StringComparison.Ordinal));
        Assert.Null(await _app.Services.GetRequiredService<ConversationInbox>().NextAsync(conversation, default));
    }

    [Fact]
    public async Task AppStartedAgainMidDialogue_TheDialogueCarriesOn()
    {
        Assert.EndsWith("¿Confirmo? Responde *sí* o *no*.",
            await _app.SayAsync(Customer, "quiero un corte de pelo el martes a las 10, soy Juan Pérez, juan@example.com"));
        var prefix = _app.TablePrefix;
        var twilio = _app.Twilio;
        await _app.StopAsync();
        await using var again = await OrchestrationApp.StartAsync(azurite, prefix, twilio);

        var done = await again.SayAsync(Customer, "sí");

        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", done);
        _app = again; // disposed by the test's own DisposeAsync as well: disposing twice is harmless
    }

    [Fact]
    public async Task Orchestration_InstanceIdAndHistoryInputs_HoldNoPhoneNumber()
    {
        var conversation = await _app.SendAsync(Customer, "hola");
        await _app.RepliesAsync(Customer, 1);

        var instance = await _app.Client.GetInstanceAsync(conversation.InstanceId, getInputsAndOutputs: true);

        Assert.NotNull(instance);
        Assert.DoesNotContain(Customer[1..], conversation.InstanceId);
        Assert.DoesNotContain(Customer[1..], instance.SerializedInput ?? "");
        Assert.Equal(ConversationStore.CustomerKey(Customer), ConversationRef.FromInstanceId(conversation.InstanceId).CustomerKey);
    }
}
