using Turnos.Functions.Calendar;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.Sync;

/// <summary>The reconciliation starts calendar work that nobody is doing — a process died after the booking, before
/// starting it — and leaves alone what is being done or failed for good.</summary>
[Collection("Azurite")]
public sealed class CalendarReconciliationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ScriptedCalendarApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new ScriptedCalendarApp(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BookedButNeverStarted_StartedOnceAMinuteHasPassed()
    {
        var a = await _app.BookAsync(); // committed and ready; the function that would start the work never did

        Assert.Equal(0, await _app.ReconcileAsync()); // its maker may still be about to start it
        _app.Clock.Advance(CalendarReconciliation.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _app.ReconcileAsync());
        await _app.Client.CalendarDoneAsync(Demo.Id, a.Id);

        Assert.Equal("tn" + a.Id, Assert.Single(_app.Calendar.Upserts).EventId);
        Assert.Null(await _app.IntentAsync(a.Id));
        Assert.Equal(0, await _app.ReconcileAsync());
    }

    [Fact]
    public async Task TwoReconciliationsAtOnce_EachChangeReachesGoogleOnce()
    {
        var booked = new List<string>();
        for (var i = 0; i < 6; i++) booked.Add((await _app.BookAsync(start: Demo.Tuesday10.AddMinutes(30 * i))).Id);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));

        await Task.WhenAll(_app.ReconcileAsync(), _app.ReconcileAsync());
        foreach (var id in booked) await _app.Client.CalendarDoneAsync(Demo.Id, id);

        Assert.Equal(booked.Select(id => "tn" + id).Order(), _app.Calendar.Upserts.Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task RunningWork_IsLeftAlone()
    {
        _app.Calendar.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = await _app.BookAsync();
        await _app.StartAsync(a.Id);
        await CalendarWaits.UntilAsync(() => _app.Calendar.EventCalls == 1, "the upsert to reach Google");
        _app.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, await _app.ReconcileAsync());
        _app.Calendar.Gate.SetResult();
        await _app.Client.CalendarDoneAsync(Demo.Id, a.Id);
        Assert.Single(_app.Calendar.Upserts);
    }

    [Fact]
    public async Task ChangeNeverCommitted_IsAdoptedAndDroppedWithoutCallingGoogle()
    {
        const string never = "0123456789abcdef0123456789abcdef";
        await _app.Outbox.PrepareAsync(Demo.Id, never, default); // the process died before the appointment was written

        _app.Clock.Advance(TimeSpan.FromMinutes(11)); // past the ten minutes an uncommitted appointment is waited for
        Assert.Equal(1, await _app.ReconcileAsync());
        await _app.Client.CalendarDoneAsync(Demo.Id, never);

        Assert.Null(await _app.IntentAsync(never));
        Assert.Equal(0, _app.Calendar.EventCalls);
    }

    [Fact]
    public async Task FailedForGood_IsNotRetried()
    {
        _app.Calendar.Answer = CalendarCallOutcome.Failed;
        var a = await _app.BookAsync();
        await _app.SyncAsync(a.Id);
        _app.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await _app.ReconcileAsync());
        Assert.Single(_app.Calendar.Upserts);
        Assert.True((await _app.IntentAsync(a.Id))?.Failed);
    }
}
