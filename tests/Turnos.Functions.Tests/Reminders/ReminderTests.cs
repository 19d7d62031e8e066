using System.Net;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Booking;
using Turnos.Functions.Reminders;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.Tests.Reminders;

/// <summary>
/// Reminders on durable timers, which run on the real clock: the app's clock is set so that the demo's two-hours-before
/// reminder of a Tuesday 10:00 appointment falls due a few seconds after booking (its day-before reminder is past then,
/// so it is skipped). Replies land in the local sink (Development without a Twilio account).
/// </summary>
[Collection("Azurite")]
public sealed class ReminderTests(AzuriteFixture azurite)
{
    internal const string Appointments = "/api/admin/businesses/demo/appointments";
    internal const string Customer = "+5491155500001"; // NewBooking's customer 1
    internal static readonly TimeSpan Lead = TimeSpan.FromSeconds(3);

    internal static async Task<(AdminApiApp App, string Id, string Code)> BookAsync(AzuriteFixture azurite)
    {
        var app = new AdminApiApp(azurite);
        app.App.Clock.Set(Demo.Tuesday10 - TimeSpan.FromMinutes(120) - Lead);
        var booked = await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);
        return (app, booked.Str("id"), booked.Str("code"));
    }

    internal static async Task<OrchestrationMetadata> FinishedAsync(TurnosFactory app, string appointmentId)
    {
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var id = new ReminderWork("demo", appointmentId).InstanceId;
        for (var waited = 0; waited < 200; waited++)
        {
            if (await client.GetInstanceAsync(id) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed } done) return done;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The reminders of {appointmentId} did not finish within 20 s.");
    }

    /// <summary>Books today at 10:00 by chat, at 07:59:57 in Buenos Aires; returns how many messages the dialogue got.</summary>
    internal static async Task<int> BookByChatAsync(ChatApp chat)
    {
        chat.App.Clock.Set(Demo.Tuesday10 - TimeSpan.FromMinutes(120) - Lead);
        await chat.SayAsync("Hola! quiero un corte hoy a las 10, soy Juan Pérez, juan@example.com");
        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", await chat.SayAsync("sí"));
        return chat.DeliveredTo().Count;
    }

    private static IReadOnlyList<string> SentTo(AdminApiApp app, string customer) =>
        [.. app.App.Services.GetRequiredService<LocalReplySink>().Since(customer, 0).Select(r => r.Reply.Body)];

    [Fact]
    public async Task Booked_TheReminderStillAheadArrivesOnce_WithTheAppointment()
    {
        var (app, id, code) = await BookAsync(azurite);
        await using var _ = app;

        Assert.Empty(SentTo(app, Customer)); // not before it is due
        var done = await FinishedAsync(app.App, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var reminder = Assert.Single(SentTo(app, Customer));
        Assert.StartsWith("⏰ ¡Hola, Cliente!", reminder);
        Assert.Contains("Te recuerdo tu turno", reminder);
        Assert.Contains("*Corte de cabello*", reminder);
        Assert.Contains("🕒 10:00", reminder);
        Assert.Contains($"*{code}*", reminder);
        Assert.EndsWith("Responde *1* para confirmar, *2* para cancelar o *3* para cambiar el horario.", reminder);
        // The customer's answer will be read as about this appointment.
        var customer = await app.App.Services.GetRequiredService<CustomerStore>().GetAsync("demo", Customer, default);
        Assert.Equal(id, customer?.LastReminder?.AppointmentId);
    }

    [Fact]
    public async Task BookedByChat_TheReminderComesThroughTwilio_InTheConversation()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        var replies = await BookByChatAsync(chat);

        string? reminder = null;
        for (var waited = 0; waited < 150 && reminder is null; waited++)
        {
            await Task.Delay(100);
            reminder = chat.DeliveredTo().Skip(replies).FirstOrDefault();
        }

        Assert.NotNull(reminder);
        Assert.StartsWith("⏰ ¡Hola, Juan! Soy Luna, de *Peluquería Demo*. Te recuerdo tu turno:", reminder);
        Assert.Contains("🕒 10:00", reminder);
        Assert.Single(chat.DeliveredTo().Skip(replies));
    }

    [Fact]
    public async Task TwilioFailsOnceThenAccepts_TheReminderArrivesOnce()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        var replies = await BookByChatAsync(chat);
        var failed = 0;
        chat.Twilio.Respond = _ => Interlocked.Exchange(ref failed, 1) == 0 ? 500 : 201; // the reminder's first try fails

        for (var waited = 0; waited < 150 && chat.DeliveredTo().Count == replies; waited++) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a second copy, were there one

        Assert.Equal(1, Volatile.Read(ref failed));
        Assert.Contains("Te recuerdo tu turno", Assert.Single(chat.DeliveredTo().Skip(replies)));
    }

    [Fact]
    public async Task CancelledBeforeItIsDue_NoReminder()
    {
        var (app, id, _) = await BookAsync(azurite);
        await using var __ = app;

        await (await app.Platform.PostAsync($"{Appointments}/{id}/cancel", null)).JsonAsync(HttpStatusCode.OK);
        var done = await FinishedAsync(app.App, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Empty(SentTo(app, Customer));
    }

    [Fact]
    public async Task InstanceLost_TwoReconciliationsAtOnce_ExactlyOneReminder()
    {
        var (app, id, _) = await BookAsync(azurite);
        await using var __ = app;
        var client = app.App.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = new ReminderWork("demo", id).InstanceId;
        // What a restart of the local host does to a waiting instance: it is simply gone.
        await client.TerminateInstanceAsync(instanceId);
        await client.WaitForInstanceCompletionAsync(instanceId);
        await client.PurgeInstanceAsync(instanceId);

        var reconciliation = app.App.Services.GetRequiredService<ReminderReconciliation>();
        var started = await Task.WhenAll(reconciliation.RunAsync(client, default), reconciliation.RunAsync(client, default));
        await FinishedAsync(app.App, id);

        Assert.Equal(1, started.Sum()); // the second run found the first's instance live
        Assert.Single(SentTo(app, Customer));
        app.App.Clock.Advance(Lead); // the app's clock catches up with the timer's
        Assert.Equal(0, await reconciliation.RunAsync(client, default)); // nothing ahead any more
    }

    [Fact]
    public async Task Reconciliation_LeavesAWaitingInstanceAlone()
    {
        var (app, id, _) = await BookAsync(azurite);
        await using var __ = app;
        var client = app.App.Services.GetRequiredService<DurableTaskClient>();

        Assert.Equal(0, await app.App.Services.GetRequiredService<ReminderReconciliation>().RunAsync(client, default));
        await FinishedAsync(app.App, id);
        Assert.Single(SentTo(app, Customer));
    }

    [Fact]
    public async Task MovedEarlier_OnlyTheNewTimesReminderComes()
    {
        await using var app = new AdminApiApp(azurite);
        await SetRemindersAsync(app, 120, 90);
        // Booked for 10:00 (reminders due at 08:00 and 08:30), then moved to 09:30 (07:30, already past, and 08:00).
        app.App.Clock.Set(Demo.Tuesday10 - TimeSpan.FromMinutes(120) - Lead);
        var booked = await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);
        var moved = await (await app.Platform.PostJsonAsync($"{Appointments}/{booked.Str("id")}/reschedule", new { start = "2026-11-24T09:30" }))
            .JsonAsync(HttpStatusCode.OK);

        await FinishedAsync(app.App, moved.Str("id"));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the old time's 08:00 reminder was due as well

        var reminder = Assert.Single(SentTo(app, Customer));
        Assert.Contains("🕒 09:30", reminder);
        Assert.Contains($"*{moved.Str("code")}*", reminder);
    }

    /// <summary>The business as the API shows it is a valid body to put back: the same, with these reminders.</summary>
    private static async Task SetRemindersAsync(AdminApiApp app, params int[] minutes)
    {
        var business = JsonNode.Parse(await (await app.Platform.GetAsync("/api/admin/businesses/demo")).Content.ReadAsStringAsync())!;
        Assert.Equal("[1440,120]", business["policy"]!["remindersMinutesBefore"]!.ToJsonString());
        business["policy"]!["remindersMinutesBefore"] = new JsonArray([.. minutes.Select(m => (JsonNode)m)]);
        await (await app.Platform.PutRawAsync("/api/admin/businesses/demo", business.ToJsonString())).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PolicyWithoutReminders_NothingIsPlanned()
    {
        await using var app = new AdminApiApp(azurite);
        await SetRemindersAsync(app);
        app.App.Clock.Set(Demo.Tuesday10 - TimeSpan.FromMinutes(120) - Lead);

        var booked = await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);
        await FinishedAsync(app.App, booked.Str("id"));
        await Task.Delay(Lead + TimeSpan.FromSeconds(1));

        Assert.Empty(SentTo(app, Customer));
    }
}
