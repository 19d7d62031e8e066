using Azure.Data.Tables;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Booking;

/// <summary>Many customers asking for the same few slots at once: the locks, not luck, decide.</summary>
[Collection("Azurite")]
public sealed class BookingRaceTests(AzuriteFixture azurite) : AppTests(azurite)
{
    private const int Attempts = 200;
    private const int Slots = 20; // Wednesday 09:00–19:00 in 30-minute slots
    private static readonly DateTimeOffset Wednesday9 = Demo.At(2026, 11, 25, 9);

    [Fact]
    public async Task BookAsync_200ConcurrentAttemptsFor20SlotsOfOneProfessional_BooksExactly20()
    {
        var results = await RaceAsync("carlos");

        Assert.Equal(Slots, results.OfType<BookingResult.Booked>().Count());
        Assert.All(results.OfType<BookingResult.Refused>(), r => Assert.Equal(BookingRefusal.SlotUnavailable, r.Reason));
        var stored = await StoredAsync();
        Assert.Equal(Slots, stored.Count);
        AssertNoOverlap(stored);
    }

    [Fact]
    public async Task BookAsync_200ConcurrentAttemptsWithAnyProfessional_FillsEveryoneWithoutOverlap()
    {
        var results = await RaceAsync(professional: null);

        // Corte is offered by Carlos and Lucía: 20 slots each.
        Assert.Equal(2 * Slots, results.OfType<BookingResult.Booked>().Count());
        var stored = await StoredAsync();
        Assert.Equal(2 * Slots, stored.Count);
        Assert.Equal([Slots, Slots], stored.GroupBy(a => a.ProfessionalId).Select(g => g.Count()));
        AssertNoOverlap(stored);
    }

    [Fact]
    public async Task BookAsync_ConcurrentVisitsForOneStart_NoOverlapAndNothingHeldByTheRefused()
    {
        var booking = App.Get<BookingService>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Manicura then corte: Lucía alone, or Sofía then Carlos — at most two such visits fit at 09:00.
        var tasks = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await booking.BookAsync(Demo.Request("manicura", null, Wednesday9, customer: i) with { ServiceIds = ["manicura", "corte"] });
        })).ToArray();
        gate.SetResult();
        var results = await Task.WhenAll(tasks);

        var booked = results.OfType<BookingResult.Booked>().Select(b => b.Appointment).ToList();
        Assert.InRange(booked.Count, 1, 2);
        var segments = booked.SelectMany(a => a.Visit.Select(v => (a.Id, v.ProfessionalId, v.StartUtc, v.EndUtc))).ToList();
        foreach (var perProfessional in segments.GroupBy(s => s.ProfessionalId))
        {
            var ordered = perProfessional.OrderBy(s => s.StartUtc).ToList();
            for (var i = 1; i < ordered.Count; i++) Assert.True(ordered[i].StartUtc >= ordered[i - 1].EndUtc, $"{perProfessional.Key} holds two visits at once");
        }
        // Every row of the day, locks included, is a booked visit's: a refused one took nothing (one transaction each).
        var rows = new List<TableEntity>();
        await foreach (var row in App.Get<TurnosTables>().Schedule.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ScheduleStore.Partition(Demo.Id, new DateOnly(2026, 11, 25))}")))
            rows.Add(row);
        Assert.All(rows, row => Assert.Contains(row.GetString("AppointmentId"), booked.Select(a => a.Id)));
        Assert.Equal(booked.Sum(a => ScheduleStore.HoldRows(a).Count), rows.Count);
    }

    [Fact]
    public async Task BookAsync_SplitVisitsRacingBookingsOfTheirSecondProfessional_NoOverlapAndNothingHeldByTheRefused()
    {
        var booking = App.Get<BookingService>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Manicura with Sofía then corte with Carlos (9:00–9:45–10:15, …), against Carlos's corte half an hour after each
        // visit starts: every pair overlaps on Carlos, so each visit stands or falls whole, in one transaction.
        var tasks = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            var start = Wednesday9.AddMinutes(30 * (i % 10));
            return i % 2 == 0
                ? await booking.BookAsync(Demo.Request("manicura", null, start, customer: i) with { ServiceIds = ["manicura", "corte"], Team = ["sofia", "carlos"] })
                : await booking.BookAsync(Demo.Request("corte", "carlos", start.AddMinutes(30), customer: i));
        })).ToArray();
        gate.SetResult();
        var results = await Task.WhenAll(tasks);

        var booked = results.OfType<BookingResult.Booked>().Select(b => b.Appointment).ToList();
        Assert.NotEmpty(booked); // which side wins each overlap is the race's to decide
        Assert.All(results.OfType<BookingResult.Refused>(), r => Assert.Equal(BookingRefusal.SlotUnavailable, r.Reason));
        foreach (var perProfessional in booked.SelectMany(a => a.Visit).GroupBy(s => s.ProfessionalId))
        {
            var ordered = perProfessional.OrderBy(s => s.StartUtc).ToList();
            for (var i = 1; i < ordered.Count; i++) Assert.True(ordered[i].StartUtc >= ordered[i - 1].EndUtc, $"{perProfessional.Key} holds two at once");
        }
        var rows = new List<TableEntity>();
        await foreach (var row in App.Get<TurnosTables>().Schedule.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ScheduleStore.Partition(Demo.Id, new DateOnly(2026, 11, 25))}")))
            rows.Add(row);
        Assert.All(rows, row => Assert.Contains(row.GetString("AppointmentId"), booked.Select(a => a.Id)));
        Assert.Equal(booked.Sum(a => ScheduleStore.HoldRows(a).Count), rows.Count);
    }

    private async Task<BookingResult[]> RaceAsync(string? professional)
    {
        var booking = App.Get<BookingService>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Attempts).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await booking.BookAsync(Demo.Request("corte", professional, Wednesday9.AddMinutes(30 * (i % Slots)), customer: i));
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    private Task<List<Appointment>> StoredAsync() =>
        App.Get<AppointmentStore>().ListAsync(Demo.Id, Wednesday9.AddHours(-12), Wednesday9.AddHours(24), default);

    private static void AssertNoOverlap(List<Appointment> appointments)
    {
        foreach (var perProfessional in appointments.GroupBy(a => a.ProfessionalId))
        {
            var ordered = perProfessional.OrderBy(a => a.StartUtc).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].StartUtc >= ordered[i - 1].EndUtc,
                    $"{ordered[i - 1].Id} and {ordered[i].Id} of {perProfessional.Key} overlap");
        }
    }
}
