using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Turnos.Bench;
using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Functions.Availability;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Hosting;
using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Bench.Stats;

// Benchmarks, run on demand: dotnet run -c Release --project bench/Turnos.Bench [-- understanding|compute|azurite|booking|webhook|api|reminders|chat]
var which = args.Length > 0 ? args[0] : "all";
var snapshot = BenchBusiness.Snapshot();
var query = new AvailabilityQuery("corte", null, BenchBusiness.FirstDay, BenchBusiness.Days, IntervalMinutes: 15);

if (which is "all" or "understanding") UnderstandingBench.Run();

if (which is "all" or "compute")
{
    var busy = BenchBusiness.ExistingBookings()
        .Select(b => new BusyInterval(b.Professional, b.Start, b.Start.AddMinutes(30), "x")).ToList();
    var result = AvailabilityEngine.Compute(snapshot, query, busy, BenchBusiness.Now);
    var slots = result.Result!.Days.Sum(d => d.Professionals.Sum(p => p.Slots.Count));
    Report($"availability compute, 14 days x 10 professionals, 15 min ({slots} slots, {busy.Count} busy)",
        Measure(500, () => AvailabilityEngine.Compute(snapshot, query, busy, BenchBusiness.Now)));
}

if (which is "all" or "azurite" or "booking")
{
    await using var azurite = await AzuriteProcess.StartAsync();
    var clock = new FixedClock(BenchBusiness.Now);
    var tables = new TurnosTables(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "bench" }));
    await tables.EnsureCreatedAsync(default);
    var catalog = new CatalogStore(tables);
    await catalog.SaveAsync(snapshot);
    var schedule = new ScheduleStore(tables);
    var booking = new BookingService(catalog, new AppointmentStore(tables), schedule, new CustomerStore(tables, clock), clock,
        NullLogger<BookingService>.Instance);
    var availability = new AvailabilityService(catalog, schedule, clock);

    var existing = BenchBusiness.ExistingBookings().ToList();
    var sw = Stopwatch.StartNew();
    var latencies = new List<double>();
    var customer = 0;
    await Parallel.ForEachAsync(existing, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (b, ct) =>
    {
        var n = Interlocked.Increment(ref customer);
        var t = Stopwatch.GetTimestamp();
        var r = await booking.BookAsync(new BookingRequest(BenchBusiness.Id, "corte", b.Professional, b.Start,
            new CustomerInfo($"Cliente {n}", $"+54911{n:00000000}", null), AppointmentSource.Api), ct);
        if (r is not BookingResult.Booked) throw new InvalidOperationException($"Bench booking refused: {r}");
        lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    });
    if (which is "all" or "booking")
        Console.WriteLine($"booking against Azurite, 16 concurrent: {existing.Count} bookings in {sw.Elapsed.TotalSeconds:F1} s " +
            $"= {existing.Count / sw.Elapsed.TotalSeconds:F0}/s; latency median {Median(latencies):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms");

    if (which is "all" or "azurite")
    {
        var outcome = await availability.GetAsync(BenchBusiness.Id, query);
        var booked = outcome!.Result!.Days.Sum(d => d.Professionals.Sum(p => p.Slots.Count(s => s.Reason == UnavailableReason.Booked)));
        Report($"availability end to end against Azurite, 14 days x 10 professionals, 15 min ({booked} booked slots seen)",
            await MeasureAsync(100, () => availability.GetAsync(BenchBusiness.Id, query)));
        Report("  of which: catalog snapshot (cached by the store after its first read)", await MeasureAsync(100, () => catalog.GetSnapshotAsync(BenchBusiness.Id)));
        Report("  of which: held times of 10 professionals x 15 days (one range query)", await MeasureAsync(100, () =>
            schedule.ReadAsync(BenchBusiness.Id, BenchBusiness.FirstDay.AddDays(-1), BenchBusiness.FirstDay.AddDays(BenchBusiness.Days - 1), default)));
    }
}

if (which is "all" or "webhook") await WebhookBench.RunAsync();
if (which is "all" or "api") await AvailabilityApiBench.RunAsync();
if (which is "all" or "reminders") await ReminderBench.RunAsync();
if (which is "all" or "chat") await ChatBench.RunAsync();

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
