using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Booking;

/// <summary>
/// A write that reached the service but whose answer was lost is retried by the pipeline and then meets
/// its own rows (409). Booking must recognise its own work instead of refusing or booking twice.
/// </summary>
[Collection("Azurite")]
public sealed class LostResponseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BookAsync_EveryOtherWriteResponseLost_BooksOnceAndRecordsTheCustomer()
    {
        var transport = new LosingTransport();
        var service = new TableServiceClient(azurite.ConnectionString, WithTransport(transport));
        var tables = new TurnosTables(service, "lost" + Guid.NewGuid().ToString("N")[..12]);
        await tables.EnsureCreatedAsync(default);
        var catalog = new CatalogStore(tables);
        await catalog.SaveAsync(SeedLoader.Parse(File.ReadAllText(RepoPaths.DemoSeed), "demo.json")[0].Snapshot);
        var clock = new ManualTimeProvider(TurnosFactory.DefaultNow);
        var appointments = new AppointmentStore(tables);
        var customers = new CustomerStore(tables, clock);
        var booking = new BookingService(catalog, appointments, new ScheduleStore(tables), customers, clock, NullLogger<BookingService>.Instance);
        transport.Losing = true;

        var result = await booking.BookAsync(Demo.Request("corte", null, Demo.Tuesday10, key: "wamid-1"));

        var booked = Assert.IsType<BookingResult.Booked>(result);
        Assert.True(transport.Lost >= 3, $"only {transport.Lost} responses were lost");
        Assert.Single(await appointments.ListAsync(Demo.Id, Demo.Tuesday10.AddDays(-1), Demo.Tuesday10.AddDays(1), default));
        Assert.Equal([booked.Appointment.Id], (await customers.GetAsync(Demo.Id, Demo.Customer().Phone))!.AppointmentIds);
        var again = Assert.IsType<BookingResult.Booked>(await booking.BookAsync(Demo.Request("corte", null, Demo.Tuesday10, key: "wamid-1")));
        Assert.Equal(booked.Appointment.Id, again.Appointment.Id);
        Assert.Equal(new BookingResult.Refused(BookingRefusal.SlotUnavailable, UnavailableReasonBooked),
            await booking.BookAsync(Demo.Request("corte", booked.Appointment.ProfessionalId, Demo.Tuesday10, customer: 2)));

        Assert.IsType<CancelResult.Cancelled>(await booking.CancelAsync(Demo.Id, booked.Appointment.Id));
        Assert.IsType<BookingResult.Booked>(
            await booking.BookAsync(Demo.Request("corte", booked.Appointment.ProfessionalId, Demo.Tuesday10, customer: 2)));
    }

    private static TableClientOptions WithTransport(HttpPipelineTransport transport)
    {
        var options = TableClientSetup.Options();
        options.Transport = transport;
        return options;
    }

    private const Turnos.Core.Availability.UnavailableReason UnavailableReasonBooked = Turnos.Core.Availability.UnavailableReason.Booked;

    /// <summary>Sends every request; for every other write, drops the answer as a broken connection would.</summary>
    private sealed class LosingTransport : HttpPipelineTransport
    {
        private readonly HttpClientTransport _inner = new();
        private int _writes;
        private int _lost;

        public bool Losing { get; set; }

        public int Lost => _lost;

        public override Request CreateRequest() => _inner.CreateRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message)
        {
            await _inner.ProcessAsync(message);
            var isWrite = message.Request.Method != RequestMethod.Get;
            if (Losing && isWrite && Interlocked.Increment(ref _writes) % 2 == 1)
            {
                Interlocked.Increment(ref _lost);
                throw new IOException("The connection closed before the response arrived.");
            }
        }
    }
}
