using System.Diagnostics;
using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Functions.Tests.WhatsApp.WhatsAppApp;

namespace Turnos.Functions.Tests.WhatsApp;

[Collection("Azurite")]
public sealed class WebhookIdempotencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Post_SameMessageSidAgain_SameRepliesAndTheTurnRanOnce()
    {
        await using var app = new WhatsAppApp(azurite);
        var count = 0;
        app.Turns.Reply = (_, _) => Task.FromResult<IReadOnlyList<string>>([$"respuesta {Interlocked.Increment(ref count)}"]);
        var form = Form("hola");

        var first = await RepliesAsync(await app.PostAsync(form));
        var again = await RepliesAsync(await app.PostAsync(form));

        Assert.Equal(["respuesta 1"], first);
        Assert.Equal(first, again);
        Assert.Single(app.Turns.Calls);
    }

    [Fact]
    public async Task Post_TenConcurrentDeliveriesOfOneMessage_TurnRunsOnceAndAllGetItsReply()
    {
        await using var app = new WhatsAppApp(azurite);
        app.Turns.Reply = async (m, ct) =>
        {
            await Task.Delay(300, ct);
            return [$"única respuesta a {m.MessageSid}"];
        };
        var form = Form("hola");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.PostAsync(form)));

        foreach (var response in responses) Assert.Equal([$"única respuesta a {form["MessageSid"]}"], await RepliesAsync(response));
        Assert.Single(app.Turns.Calls);
    }

    [Fact]
    public async Task Post_TurnThrows_ApologisesAndARetryRunsTheTurnAgain()
    {
        await using var app = new WhatsAppApp(azurite);
        var calls = 0;
        app.Turns.Reply = (_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("boom")
            : Task.FromResult<IReadOnlyList<string>>(["ahora sí"]);
        var form = Form("hola");

        var failed = await RepliesAsync(await app.PostAsync(form));
        var retried = await RepliesAsync(await app.PostAsync(form));

        Assert.StartsWith("Perdón, tuve un problema", Assert.Single(failed));
        Assert.Equal(["ahora sí"], retried);
        Assert.Equal(2, app.Turns.Calls.Count);
    }

    [Fact]
    public async Task Post_TurnTooSlow_ApologisesWithinTheBudgetAndReleasesTheMessage()
    {
        await using var app = new WhatsAppApp(azurite, new Dictionary<string, string?> { ["Twilio:TurnTimeoutSeconds"] = "1" });
        var calls = 0;
        app.Turns.Reply = async (_, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1) await Task.Delay(Timeout.Infinite, ct);
            return ["rápido esta vez"];
        };
        var form = Form("hola");
        _ = app.Services; // started, so the clock below measures the turn

        var clock = Stopwatch.StartNew();
        var slow = await RepliesAsync(await app.PostAsync(form));
        clock.Stop();
        var retried = await RepliesAsync(await app.PostAsync(form));

        Assert.StartsWith("Perdón, estoy tardando", Assert.Single(slow));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Equal(["rápido esta vez"], retried);
    }

    [Fact]
    public async Task Post_TurnIgnoringCancellation_StillAnsweredInTime()
    {
        await using var app = new WhatsAppApp(azurite, new Dictionary<string, string?> { ["Twilio:TurnTimeoutSeconds"] = "1" });
        app.Turns.Reply = async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            return ["tarde"];
        };
        _ = app.Services;

        var clock = Stopwatch.StartNew();
        var replies = await RepliesAsync(await app.PostAsync(Form("hola")));

        Assert.StartsWith("Perdón, estoy tardando", Assert.Single(replies));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
