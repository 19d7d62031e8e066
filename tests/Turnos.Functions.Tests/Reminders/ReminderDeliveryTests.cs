using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Admin.Api;
using Turnos.Functions.Booking;
using Turnos.Functions.Observability;
using Turnos.Functions.Reminders;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Observability;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;
using Turnos.Functions.WhatsApp;
using Turnos.Functions.WhatsApp.Outbound;
using static Turnos.Functions.Tests.Reminders.ReminderTests;

namespace Turnos.Functions.Tests.Reminders;

/// <summary>How a reminder goes out and what is kept of it: approved templates, WhatsApp's 63016 refusal, the records the
/// admin API shows, and the confirmation and no-show marks (same clock set-up as <see cref="ReminderTests"/>).</summary>
[Collection("Azurite")]
public sealed class ReminderDeliveryTests(AzuriteFixture azurite)
{
    private const string TemplateSid = "HXaabbccddeeff00112233445566778899";

    private static async Task<string> OnlyAppointmentIdAsync(ChatApp chat) =>
        (await chat.Get<AppointmentStore>().ListAsync("demo", Demo.Tuesday10, Demo.Tuesday10.AddMinutes(1), default)).Single().Id;

    [Fact]
    public async Task TemplateBusiness_SendsContentSidAndVariables_NotFreeText()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        var edited = await chat.Get<CatalogEditor>().EditAsync("demo", doc =>
        {
            doc.WhatsAppTemplates = new WhatsAppTemplatesDocument
            {
                Reminder = new TemplateDocument { ContentSid = TemplateSid, Variables = new() { ["1"] = "customerName", ["2"] = "date", ["3"] = "time", ["4"] = "service" } },
            };
            return null;
        }, "templates", relativeTo: null, default);
        Assert.NotNull(edited.Saved);
        var replies = await BookByChatAsync(chat);

        for (var waited = 0; waited < 150 && chat.Twilio.Templates.IsEmpty; waited++) await Task.Delay(100);

        var (to, sid, variables) = Assert.Single(chat.Twilio.Templates);
        Assert.Equal(("whatsapp:" + WhatsAppApp.Customer, TemplateSid), (to, sid));
        Assert.Equal(new Dictionary<string, string> { ["1"] = "Juan", ["2"] = "martes 24 de noviembre", ["3"] = "10:00", ["4"] = "Corte de cabello" },
            JsonSerializer.Deserialize<Dictionary<string, string>>(variables!));
        Assert.Equal(replies, chat.DeliveredTo().Count); // no free-text copy
    }

    [Fact]
    public async Task Refused63016_RecordedAndCounted_NotRetried()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        using var metrics = new MetricRecorder(chat.Get<TurnosMetrics>().Meter);
        await BookByChatAsync(chat);
        var id = await OnlyAppointmentIdAsync(chat);
        var before = chat.Twilio.Attempts;
        (chat.Twilio.Respond, chat.Twilio.ErrorCode) = (_ => 400, MessageRefusedException.OutsideWindow);

        await FinishedAsync(chat.App, id);

        Assert.Equal(before + 1, chat.Twilio.Attempts); // tried once, not retried
        var record = Assert.Single(await chat.Get<ReminderLog>().ListAsync("demo", id, default));
        Assert.Equal((120, ReminderState.Failed, 63016), (record.MinutesBefore, record.State, record.ErrorCode));
        Assert.Contains("24-hour window", record.Reason);
        Assert.Equal(1, metrics.Sum("turnos.reminders", "outcome=failed", "reason=outside_window"));
    }

    [Fact]
    public async Task UndeliveredAfterAccepted_TheSignedStatusCallbackMarksItFailed()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        using var metrics = new MetricRecorder(chat.Get<TurnosMetrics>().Meter);
        await BookByChatAsync(chat);
        var id = await OnlyAppointmentIdAsync(chat);
        await FinishedAsync(chat.App, id);
        var sent = Assert.Single(await chat.Get<ReminderLog>().ListAsync("demo", id, default));
        const string route = "/api/whatsapp/status";
        var form = new Dictionary<string, string> { ["MessageSid"] = sent.ProviderSid!, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "63016" };
        using var client = chat.App.CreateClient();

        var signature = TwilioSignature.Compute(WhatsAppApp.Token, WhatsAppApp.PublicBase + route, form);
        var forged = await client.SendAsync(Signed(route, form, "forged"));
        var told = await client.SendAsync(Signed(route, form, signature));
        var again = await client.SendAsync(Signed(route, form, signature));

        Assert.Equal(WhatsAppApp.PublicBase + route, Assert.Single(chat.Twilio.StatusCallbacks)); // only the reminder asked for one
        Assert.Equal((ReminderState.Sent, HttpStatusCode.Forbidden), (sent.State, forged.StatusCode));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (told.StatusCode, again.StatusCode));
        var failed = Assert.Single(await chat.Get<ReminderLog>().ListAsync("demo", id, default));
        Assert.Equal((ReminderState.Failed, 63016, sent.ProviderSid), (failed.State, failed.ErrorCode, failed.ProviderSid));
        Assert.Equal(1, metrics.Sum("turnos.reminders", "outcome=failed", "reason=outside_window")); // told twice, counted once
    }

    private static HttpRequestMessage Signed(string route, Dictionary<string, string> form, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, signature);
        return request;
    }

    [Fact]
    public async Task TheAppointment_ShowsItsReminders_PendingThenSent()
    {
        var (app, id, _) = await BookAsync(azurite);
        await using var __ = app;

        var pending = await (await app.Platform.GetAsync($"{Appointments}/{id}")).JsonAsync(HttpStatusCode.OK);
        await FinishedAsync(app.App, id);
        var sent = await (await app.Platform.GetAsync($"{Appointments}/{id}")).JsonAsync(HttpStatusCode.OK);

        // The day-before reminder was already past at booking: skipped, not shown as pending.
        var due = Assert.Single(pending.GetProperty("reminders").EnumerateArray());
        Assert.Equal((120, "pending", "2026-11-24T08:00"), (due.GetProperty("minutesBefore").GetInt32(), due.Str("state"), due.Str("due")));
        var done = Assert.Single(sent.GetProperty("reminders").EnumerateArray());
        Assert.Equal((120, "sent"), (done.GetProperty("minutesBefore").GetInt32(), done.Str("state")));
        Assert.Equal(JsonValueKind.String, done.GetProperty("at").ValueKind);
        var listed = await (await app.Platform.GetAsync(Appointments + "?from=2026-11-24")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("reminders").ValueKind);
    }

    [Fact]
    public async Task Confirmed_IsShownAsConfirmed_AndListedUnderBookedAndConfirmed()
    {
        var (app, id, _) = await BookAsync(azurite);
        await using var __ = app;
        var store = app.App.Services.GetRequiredService<AppointmentStore>();
        var (appointment, etag) = (await store.GetAsync("demo", id, default))!.Value;
        Assert.True(await store.TryUpdateAsync(appointment with { ConfirmedUtc = app.App.Clock.GetUtcNow() }, etag, default));

        var shown = await (await app.Platform.GetAsync($"{Appointments}/{id}")).JsonAsync(HttpStatusCode.OK);
        var confirmed = await (await app.Platform.GetAsync(Appointments + "?from=2026-11-24&status=confirmed")).JsonAsync(HttpStatusCode.OK);
        var booked = await (await app.Platform.GetAsync(Appointments + "?from=2026-11-24&status=booked")).JsonAsync(HttpStatusCode.OK);
        var bad = await app.Platform.GetAsync(Appointments + "?status=confirmado");

        Assert.Equal("confirmed", shown.Str("status"));
        Assert.Equal(JsonValueKind.String, shown.GetProperty("confirmedAt").ValueKind);
        Assert.Equal(id, Assert.Single(confirmed.EnumerateArray()).Str("id"));
        Assert.Equal(id, Assert.Single(booked.EnumerateArray()).Str("id"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task NoShow_OnlyOnceStarted_MarkedAndUnmarked()
    {
        var (app, id, code) = await BookAsync(azurite);
        await using var __ = app;
        var mark = $"{Appointments}/{id}/no-show";

        var early = await app.Platform.PostAsync(mark, null);
        app.App.Clock.Set(Demo.Tuesday10.AddMinutes(15));
        var marked = await (await app.Platform.PostAsync(mark, null)).JsonAsync(HttpStatusCode.OK);
        var again = await (await app.Platform.PostAsync($"{Appointments}/{code}/no-show", null)).JsonAsync(HttpStatusCode.OK);
        var unmarked = await (await app.Platform.DeleteAsync(mark)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("once its start has passed", await early.Content.ReadAsStringAsync());
        Assert.Equal(Demo.Tuesday10.AddMinutes(15), marked.GetProperty("noShowAt").GetDateTimeOffset());
        Assert.Equal(marked.GetProperty("noShowAt").GetDateTimeOffset(), again.GetProperty("noShowAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, unmarked.GetProperty("noShowAt").ValueKind);
    }

    [Fact]
    public async Task NoShow_OnACancelledAppointment_Conflict()
    {
        var (app, id, _) = await BookAsync(azurite);
        await using var __ = app;
        await (await app.Platform.PostAsync($"{Appointments}/{id}/cancel", null)).JsonAsync(HttpStatusCode.OK);
        app.App.Clock.Set(Demo.Tuesday10.AddMinutes(15));

        var response = await app.Platform.PostAsync($"{Appointments}/{id}/no-show", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("cancelled", await response.Content.ReadAsStringAsync());
    }
}
