using Microsoft.Extensions.DependencyInjection;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Calendar.GoogleApi;
using Turnos.Functions.Observability;
using Turnos.Functions.Tests.Calendar.GoogleApi;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.LanguageModel;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;

namespace Turnos.Functions.Tests.Observability;

/// <summary>The meter "Turnos" as real turns, bookings, understanding and calendar calls record it.</summary>
[Collection("Azurite")]
public sealed class MetricsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BookingDialogue_CountsMessagesTurnsUnderstandingAndTheBooking()
    {
        await using var app = await ObservedApp.StartAsync(azurite);

        await app.SayAsync("Hola! quiero un corte de pelo el martes a las 10, soy Juan Pérez, juan@example.com");
        Assert.StartsWith("¡Listo!", await app.SayAsync("sí"));

        var m = app.Metrics;
        Assert.Equal(2, m.Sum("turnos.whatsapp.messages.received", "business=demo"));
        Assert.Equal(2, m.Sum("turnos.whatsapp.turns", "outcome=handed_over"));
        var latencies = m.Of("turnos.whatsapp.webhook.duration", "outcome=handed_over");
        Assert.Equal(2, latencies.Count);
        Assert.All(latencies, ms => Assert.True(ms > 0));
        Assert.True(m.Sum("turnos.understanding.calls", "source=rules") >= 2);
        Assert.Equal(m.Of("turnos.understanding.calls").Count, m.Of("turnos.understanding.duration", "source=rules").Count);
        Assert.Equal(1, m.Sum("turnos.bookings.succeeded", "source=whatsapp"));
        Assert.Empty(m.Of("turnos.bookings.failed"));
    }

    [Fact]
    public async Task ConfirmingAnAppointmentTwice_CountsOneConfirmation()
    {
        await using var app = await ObservedApp.StartAsync(azurite);
        var booking = app.Get<BookingService>();
        var booked = Assert.IsType<BookingResult.Booked>(await booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10))).Appointment;

        await booking.ConfirmAsync(Demo.Id, booked.Id);
        await booking.ConfirmAsync(Demo.Id, booked.Id);

        Assert.Equal(1, app.Metrics.Sum("turnos.reminders.confirmations"));
    }

    [Fact]
    public async Task RepeatsUnknownNumbersAndMedia_AreTurnOutcomesOfTheirOwn()
    {
        await using var app = await ObservedApp.StartAsync(azurite);
        var sid = WhatsAppApp.NewSid();

        await app.SayAsync("hola", sid: sid);
        await app.SayAsync("hola", sid: sid);
        await app.SayAsync("hola", to: "+19995550000", businessId: null);
        await app.SayAsync("", businessId: null);

        var m = app.Metrics;
        Assert.Equal(1, m.Sum("turnos.whatsapp.turns", "outcome=handed_over"));
        Assert.Equal(1, m.Sum("turnos.whatsapp.turns", "outcome=duplicate"));
        Assert.Equal(1, m.Sum("turnos.whatsapp.turns", "outcome=unknown_number"));
        Assert.Equal(1, m.Sum("turnos.whatsapp.turns", "outcome=no_text"));
        Assert.Equal(3, m.Sum("turnos.whatsapp.messages.received", "business=demo"));
        Assert.Equal(1, m.Sum("turnos.whatsapp.messages.received", "business=_unknown"));
        Assert.Equal(4, m.Of("turnos.whatsapp.webhook.duration").Count);
    }

    [Fact]
    public async Task RefusedBookings_CountAsFailedByReason_ReplaysAsNeither()
    {
        await using var app = await ObservedApp.StartAsync(azurite);
        var booking = app.Get<BookingService>();

        Assert.IsType<BookingResult.Booked>(await booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10, key: "k1")));
        Assert.IsType<BookingResult.Booked>(await booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10, key: "k1")));
        Assert.IsType<BookingResult.Refused>(await booking.BookAsync(Demo.Request("corte", "carlos", Demo.Tuesday10, customer: 2)));
        Assert.IsType<BookingResult.Refused>(await booking.BookAsync(Demo.Request("nada", null, Demo.Tuesday10, customer: 3)));

        var m = app.Metrics;
        Assert.Equal(1, m.Sum("turnos.bookings.succeeded", "source=api"));
        Assert.Equal(1, m.Sum("turnos.bookings.failed", "source=api", "reason=slot_unavailable"));
        Assert.Equal(1, m.Sum("turnos.bookings.failed", "source=api", "reason=unknown_service"));
        Assert.Equal(2, m.Of("turnos.bookings.failed").Count);
    }

    [Fact]
    public async Task LanguageModel_AnswersAndFallbacks_AreCountedBySource()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        await using var app = await ObservedApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["OpenAI:ApiKey"] = FakeChatCompletions.ApiKey,
            ["OpenAI:Endpoint"] = model.Endpoint.ToString(),
        });

        await app.SayAsync("hola");
        model.Respond = context => FakeChatCompletions.Error(context, 400, "no");
        await app.SayAsync("quiero un turno");

        var m = app.Metrics;
        Assert.Equal(1, m.Sum("turnos.understanding.calls", "source=llm"));
        Assert.Equal(1, m.Sum("turnos.understanding.calls", "source=fallback"));
        Assert.Empty(m.Of("turnos.understanding.calls", "source=rules"));
        Assert.Single(m.Of("turnos.understanding.duration", "source=fallback"));
    }

    [Fact]
    public async Task CalendarCalls_AreCountedByOperationAndOutcome()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        using var metrics = new MetricRecorder(app.Factory.Services.GetRequiredService<TurnosMetrics>().Meter);
        var calendar = app.Factory.Services.GetRequiredService<GoogleCalendarClient>();

        await calendar.GetBusyAsync(Demo.Id, [], Demo.Tuesday10, Demo.Tuesday10.AddHours(1), default);
        await app.ConnectAsync(Demo.Id, "peluqueria.demo@gmail.com");
        await calendar.UpsertEventAsync(Demo.Id, GoogleApp.Event("tnobservedevent1"), default);
        await calendar.CancelEventAsync(Demo.Id, "tnobservedevent1", default);

        Assert.Equal(1, metrics.Sum("turnos.calendar.calls", "operation=freeBusy", "outcome=not_connected"));
        Assert.Equal(1, metrics.Sum("turnos.calendar.calls", "operation=events.insert", "outcome=done"));
        Assert.Equal(1, metrics.Sum("turnos.calendar.calls", "operation=events.delete", "outcome=done"));
    }
}
