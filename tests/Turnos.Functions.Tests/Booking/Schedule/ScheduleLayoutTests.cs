using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using static Turnos.Functions.Tests.Booking.Schedule.ScheduleRows;

namespace Turnos.Functions.Tests.Booking.Schedule;

/// <summary>One partition per business and work day: any appointment or visit of a day is held in one transaction.</summary>
[Collection("Azurite")]
public sealed class ScheduleLayoutTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly RequestLog _log = new();
    private TurnosTables _tables = null!;
    private ScheduleStore _schedule = null!;
    private static readonly DateTimeOffset Now = TurnosFactory.DefaultNow;

    public async Task InitializeAsync()
    {
        var options = TableClientSetup.Options();
        options.AddPolicy(_log, HttpPipelinePosition.PerRetry);
        _tables = new TurnosTables(new TableServiceClient(azurite.ConnectionString, options), "layout" + Guid.NewGuid().ToString("N")[..12]);
        await _tables.EnsureCreatedAsync(default);
        _schedule = new ScheduleStore(_tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryHoldAsync_SplitVisitTakenOnItsSecondProfessional_OneTransactionAndNothingHeld()
    {
        var carlos = Booked(At(10, 45), Now, ("corte", "carlos", 30));
        Assert.True(await _schedule.TryHoldAsync(carlos, default));
        var visit = Booked(At(10), Now, ("manicura", "sofia", 45), ("corte", "carlos", 30));

        _log.Clear();
        Assert.False(await _schedule.TryHoldAsync(visit, default));

        // One transaction, refused whole: nothing was taken, so nothing is given back.
        Assert.Equal(["POST $batch"], _log.Writes);
        Assert.DoesNotContain(await TuesdayAsync(_tables), r => r.GetString("AppointmentId") == visit.Id);
    }

    [Fact]
    public async Task TryHoldAsync_SplitVisit_EveryProfessionalsRowsInTheDaysPartitionInOneWrite()
    {
        var visit = Booked(At(10), Now, ("manicura", "sofia", 45), ("corte", "carlos", 30));

        _log.Clear();
        Assert.True(await _schedule.TryHoldAsync(visit, default));

        Assert.Equal(["POST $batch"], _log.Writes);
        var rows = await TuesdayAsync(_tables);
        Assert.All(rows, r => Assert.Equal("demo|2026-11-24", r.PartitionKey));
        var keys = rows.Select(r => r.RowKey).ToList();
        Assert.Equal([$"a|carlos|{visit.Id}", $"a|sofia|{visit.Id}"], keys.Where(k => k.StartsWith("a|", StringComparison.Ordinal)));
        Assert.Equal(6, keys.Count(k => k.StartsWith("l|carlos|", StringComparison.Ordinal))); // 30 minutes
        Assert.Equal(9, keys.Count(k => k.StartsWith("l|sofia|", StringComparison.Ordinal))); // 45 minutes
        Assert.Equal([("sofia", At(10), At(10, 45)), ("carlos", At(10, 45), At(11, 15))],
            (await _schedule.ReadAsync(Demo.Id, Tuesday, Tuesday, default)).OrderBy(h => h.FromUtc).Select(h => (h.ProfessionalId, h.FromUtc, h.UntilUtc)));
    }

    [Fact]
    public async Task RescheduleWithinTheDay_LongestAppointment_TakesOnlyTheNewTimeAndHandsOverTheRest()
    {
        // 480 minutes: 96 locks and a summary; a swap in one transaction would need 96 + 12 actions.
        var old = Booked(At(9), Now, ("coloracion", "carlos", 480));
        Assert.True(await _schedule.TryHoldAsync(old, default));
        var replacement = Booked(At(10), Now, ("coloracion", "carlos", 480));

        Assert.True(await _schedule.TryMoveAsync(old, replacement, default));
        await _schedule.ReleaseLeftAsync(old, replacement, default);

        var rows = await TuesdayAsync(_tables);
        Assert.Equal(Keys(ScheduleStore.HoldRows(replacement)), Keys(rows));
    }

    [Fact]
    public void Fits_TheLongestAppointmentFits_ALongVisitSplitSixWaysDoesNot()
    {
        var longest = Booked(At(9), Now, ("coloracion", "carlos", 495));
        Assert.Equal(ScheduleStore.MaxRows, ScheduleStore.HoldRows(longest).Count);
        Assert.True(ScheduleStore.Fits(longest));

        var split = Booked(At(9), Now, ("corte", "carlos", 80), ("manicura", "sofia", 80), ("coloracion", "carlos", 80),
            ("peinado", "sofia", 80), ("barba", "carlos", 80), ("pedicura", "sofia", 80));
        Assert.Equal(96 + 6, ScheduleStore.HoldRows(split).Count);
        Assert.False(ScheduleStore.Fits(split));
    }

    /// <summary>The writes the tables saw, as "METHOD path-ending".</summary>
    private sealed class RequestLog : HttpPipelinePolicy
    {
        private readonly List<string> _writes = [];

        public IReadOnlyList<string> Writes { get { lock (_writes) return [.. _writes]; } }

        public void Clear() { lock (_writes) _writes.Clear(); }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Record(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get) return;
            lock (_writes) _writes.Add($"{message.Request.Method} {message.Request.Uri.Path.Split('/')[^1]}");
        }
    }
}
