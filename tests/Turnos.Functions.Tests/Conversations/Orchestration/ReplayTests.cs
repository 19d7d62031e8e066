using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Conversations.Orchestration;

/// <summary>
/// The runtime replays an orchestrator against its recorded history whenever it resumes it (after each activity, after
/// a restart), so a generation must make the same calls with the same inputs every time it runs. The decision is made
/// in the orchestrator, from facts an activity returned (the clock among them): run a dialogue for real, replay each
/// generation from its recording, and expect the same calls, replies and carry. "Now" is Monday 2026-11-23 12:00 in
/// Buenos Aires; "el martes" is the 24th.
/// </summary>
[Collection("Azurite")]
public sealed class ReplayTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Customer = "+5491155550003";
    private OrchestrationApp _app = null!;

    public async Task InitializeAsync() => _app = await OrchestrationApp.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Dialogue_EachGenerationReplayedFromItsHistory_MakesTheSameCallsAndReplies()
    {
        var services = _app.Services;
        var clock = ((TurnosFactory)_app.Factory).Clock;
        var options = services.GetRequiredService<IOptions<ConversationOptions>>();
        // Never scheduled with the app's durable client, so the app's own worker leaves this instance alone.
        var conversation = new ConversationRef(Demo.Id, await services.GetRequiredService<ConversationStore>().EnsureAsync(Demo.Id, Customer, default));
        string[] dialogue = ["Hola! quiero un corte de pelo el martes a las 10, soy Juan Pérez, juan@example.com", "sí", "¿cuánto sale el corte?"];
        string? carry = null; // the first generation is started without input
        var (generations, sent, answers) = (new List<string[]>(), new List<string>(), new List<string>());

        foreach (var text in dialogue)
        {
            var sid = _app.NextSid();
            // Queued first, as the hand-over does: the generation finds it in the inbox and needs no event.
            await services.GetRequiredService<ConversationInbox>().AddAsync(conversation,
                new ConversationMessage(sid, text, OrchestrationApp.BusinessNumber), default);

            var recorded = ReplayContext.Record(services, conversation, carry, clock.GetUtcNow());
            await new ConversationOrchestrator(options).RunAsync(recorded);
            // Activities would see another time now; a replay that asked for the time, instead of taking it from the
            // recorded facts, would decide differently.
            clock.Advance(TimeSpan.FromMinutes(7));
            var replayed = ReplayContext.Replay(recorded);
            await new ConversationOrchestrator(options).RunAsync(replayed);

            Assert.True(replayed.IsReplaying);
            Assert.Equal(recorded.Calls, replayed.Calls); // fewer calls on replay would pass FromHistory's checks
            Assert.Equal(recorded.ContinuedWith, replayed.ContinuedWith);
            Assert.Equal(recorded.CustomStatus, replayed.CustomStatus);
            Assert.Contains($"\"{sid}\"", recorded.ContinuedWith); // the carry remembers the message it answered
            generations.Add([.. recorded.Calls.Select(c => c.Name)]);
            sent.AddRange(Replies(recorded));
            answers.Add(string.Join("\n\n", Replies(recorded)));
            carry = recorded.ContinuedWith;
        }

        // Not vacuous: each generation ran a whole turn, and the dialogue booked.
        // A turn that leaves the inbox empty waits for the next message's event before continuing as new.
        string[] turn = [ConversationActivities.Next, ConversationActivities.Prepare, ConversationActivities.Finish,
            ReplayContext.EventCall + ConversationOrchestrator.MessageEvent];
        string[] booking = [.. turn[..2], ConversationActivities.Effect, .. turn[2..]];
        Assert.Equal([turn, booking, turn], generations);
        Assert.Contains("Soy Luna, el asistente de *Peluquería Demo*", answers[0]);
        Assert.EndsWith("¿Confirmo? Responde *sí* o *no*.", answers[0]);
        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", answers[1]);
        Assert.Contains("$5.000", answers[2]);
        // Only the recording reached Twilio: replay answered Finish from the history.
        Assert.Equal(sent, await _app.RepliesAsync(Customer, sent.Count));
    }

    private static IReadOnlyList<string> Replies(ReplayContext run) =>
        JsonActivityCalls.Read<FinishRequest>(Assert.Single(run.Calls, c => c.Name == ConversationActivities.Finish).Input).Replies;
}
