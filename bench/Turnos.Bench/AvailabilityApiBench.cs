using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Functions.Admin;
using Turnos.Functions.Availability;
using Turnos.Functions.Availability.Api;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Hosting;
using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Bench.Stats;

namespace Turnos.Bench;

/// <summary>
/// <c>GET /api/v1/disponibilidad</c> for 14 days × 10 professionals at 15 minutes, every slot shown at the
/// platform's detail (reasons, appointment ids, customers' names): the response alone in memory, then the
/// whole handler (business, validation, availability, names, response, JSON) against Azurite. HTTP and the
/// key check are left out: they are the same for every endpoint.
/// </summary>
internal static class AvailabilityApiBench
{
    private static readonly ApiCaller Platform = new("bench", ApiRole.Platform, null);

    public static async Task RunAsync()
    {
        var snapshot = BenchBusiness.Snapshot();
        var query = new AvailabilityQuery("corte", null, BenchBusiness.FirstDay, BenchBusiness.Days, IntervalMinutes: 15);
        var bookings = BenchBusiness.ExistingBookings().ToList();
        var busy = bookings.Select((b, i) => new BusyInterval(b.Professional, b.Start, b.Start.AddMinutes(30), $"a{i}")).ToList();
        var names = busy.ToDictionary(b => b.AppointmentId!, b => $"Cliente {b.AppointmentId}");
        var result = AvailabilityEngine.Compute(snapshot, query, busy, BenchBusiness.Now).Result!;
        Report("availability API response in memory (build + JSON), 14 days x 10 professionals, 15 min, platform detail", Measure(300, () =>
            Json(ApiAnswer.Ok(AvailabilityResponse.Build(snapshot, result, SlotDetail.Staff, onlyAvailable: false, names, BenchBusiness.Now)))));

        await using var azurite = await AzuriteProcess.StartAsync();
        var clock = new FixedClock(BenchBusiness.Now);
        var tables = new TurnosTables(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "benchapi" }));
        await tables.EnsureCreatedAsync(default);
        var catalog = new CatalogStore(tables, clock);
        await catalog.SaveAsync(snapshot);
        var schedule = new ScheduleStore(tables);
        var appointments = new AppointmentStore(tables);
        var booking = new BookingService(catalog, appointments, schedule, new CustomerStore(tables, clock), clock, NullLogger<BookingService>.Instance);
        await Parallel.ForEachAsync(bookings.Select((b, n) => (b, n)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (x, ct) =>
        {
            var r = await booking.BookAsync(new BookingRequest(BenchBusiness.Id, "corte", x.b.Professional, x.b.Start,
                new CustomerInfo($"Cliente {x.n}", $"+54911{x.n:00000000}", null), AppointmentSource.Api), ct);
            if (r is not BookingResult.Booked) throw new InvalidOperationException($"Bench booking refused: {r}");
        });

        var handler = new AvailabilityHandler(catalog, new AvailabilityService(catalog, schedule, clock), appointments, clock);
        var all = Query(("solo_disponibles", "false"));
        var answer = await handler.GetAsync(Platform, all, default);
        if (answer.Status != 200) throw new InvalidOperationException($"Bench query refused: {answer.Status}");
        Report($"availability API handler against Azurite, every slot with names ({bookings.Count} appointments, {Json(answer) / 1024} KiB)",
            await MeasureAsync(50, async () => Json(await handler.GetAsync(Platform, all, default))));
        Report("  of which: the appointments named (one range query)", await MeasureAsync(50, () => appointments.ListAsync(BenchBusiness.Id,
            BenchBusiness.At(BenchBusiness.FirstDay.AddDays(-1), 0), BenchBusiness.At(BenchBusiness.FirstDay.AddDays(BenchBusiness.Days + 1), 0), default)));
        Report("availability API handler against Azurite, free slots only (the default)",
            await MeasureAsync(50, async () => Json(await handler.GetAsync(Platform, Query(), default))));
    }

    private static QueryCollection Query(params (string Name, string Value)[] extra)
    {
        var values = new Dictionary<string, StringValues>
        {
            ["negocio"] = BenchBusiness.Id, ["fecha"] = BenchBusiness.FirstDay.ToString("yyyy-MM-dd"), ["servicio_id"] = "corte",
            ["rango_dias"] = BenchBusiness.Days.ToString(), ["intervalo_minutos"] = "15",
        };
        foreach (var (name, value) in extra) values[name] = value;
        return new QueryCollection(values);
    }

    /// <summary>Written to a stream, as the response is: pooled buffers, no copy of the whole document.</summary>
    private static long Json(ApiAnswer answer)
    {
        using var counter = new CountingStream();
        JsonSerializer.Serialize(counter, answer.Body, ApiJson.Options);
        return counter.Length;
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
