using System.Net;
using System.Net.Http.Headers;
using Microsoft.DurableTask.Client;
using Turnos.Core.Notices;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;
using Turnos.Functions.WhatsApp.Outbound;
using static Turnos.Functions.Tests.Notices.Professionals;

namespace Turnos.Functions.Tests.Notices;

/// <summary>Notices of changes a customer makes by chat, and their way through Twilio (the fake Messages API): from the
/// business's number, never to the customer, and once even when Twilio fails the first try.</summary>
[Collection("Azurite")]
public sealed class ChatNoticeTests(AzuriteFixture azurite)
{
    /// <summary>Waits until <paramref name="count"/> messages reached the number (20 s at most), then a moment more for
    /// a copy, were there one.</summary>
    private static async Task<IReadOnlyList<string>> DeliveredAsync(ChatApp chat, string number, int count)
    {
        for (var waited = 0; waited < 200 && chat.DeliveredTo(number).Count < count; waited++) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(1));
        return chat.DeliveredTo(number);
    }

    private static async Task BookAsync(ChatApp chat)
    {
        await chat.SayAsync("Hola! quiero un corte de pelo el martes a las 10, soy Juan Pérez, juan@example.com");
        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅", await chat.SayAsync("sí"));
    }

    [Fact]
    public async Task BookedThenCancelledByChat_TheProfessionalHearsOfBoth_FromTheBusinessNumber()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        await SetNumbersAsync(chat.App, "carlos");

        await BookAsync(chat);
        Assert.Equal(["📅 Nuevo turno: Corte de cabello, martes 24/11 10:00, Juan Pérez."], await DeliveredAsync(chat, Carlos, 1));
        Assert.Contains("¿Lo cancelo?", await chat.SayAsync("quiero cancelar mi turno"));
        Assert.StartsWith("Listo, cancelé tu turno", await chat.SayAsync("sí"));

        Assert.Equal("❌ Turno cancelado: Corte de cabello, martes 24/11 10:00, Juan Pérez.", (await DeliveredAsync(chat, Carlos, 2))[^1]);
        Assert.Equal(2, chat.DeliveredTo(Carlos).Count);
        Assert.All(chat.Twilio.Delivered.Where(d => d.To == "whatsapp:" + Carlos), d => Assert.Equal("whatsapp:" + WhatsAppApp.DemoNumber, d.From));
        Assert.DoesNotContain(chat.DeliveredTo(), text => text.Contains("Nuevo turno") || text.Contains("Turno cancelado"));
    }

    [Fact]
    public async Task MovedByChat_OneNoticeFromTheOldTimeToTheNew()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        await SetNumbersAsync(chat.App, "carlos");
        await BookAsync(chat);
        await DeliveredAsync(chat, Carlos, 1);

        Assert.Contains("¿Para qué día y hora quieres pasarlo?", await chat.SayAsync("necesito cambiar el turno"));
        Assert.StartsWith("Paso tu turno del", await chat.SayAsync("el miércoles a las 15"));
        Assert.Contains("quedó cambiado", await chat.SayAsync("sí"));

        var notices = await DeliveredAsync(chat, Carlos, 2);
        Assert.Equal("🔁 Turno reprogramado: Corte de cabello, Juan Pérez, del martes 24/11 10:00 al miércoles 25/11 15:00.", notices[^1]);
        Assert.Equal(2, notices.Count);
    }

    /// <summary>Books Tuesday 10:00 with Carlos through the admin API: nothing but the notice goes to Twilio.</summary>
    private static async Task<string> BookByAdminAsync(ChatApp chat)
    {
        using var admin = chat.App.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TurnosFactory.AdminKey);
        var id = (await (await admin.PostJsonAsync("/api/admin/businesses/demo/appointments", AppointmentApiTests.NewBooking("2026-11-24T10:00")))
            .JsonAsync(HttpStatusCode.Created)).Str("id");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await FinishedAsync(chat.App, id, NoticeKind.New))!.RuntimeStatus);
        return id;
    }

    [Fact]
    public async Task TwilioFailsOnceThenAccepts_TheNoticeArrivesOnce()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        await SetNumbersAsync(chat.App, "carlos");
        var failed = 0;
        chat.Twilio.Respond = _ => Interlocked.Exchange(ref failed, 1) == 0 ? 500 : 201; // the notice's first try fails

        await BookByAdminAsync(chat);

        Assert.Equal(1, Volatile.Read(ref failed));
        Assert.Equal("📅 Nuevo turno: Corte de cabello, martes 24/11 10:00, Cliente 1.", Assert.Single(await DeliveredAsync(chat, Carlos, 1)));
    }

    [Fact]
    public async Task Refused63016_NotRetried()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        await SetNumbersAsync(chat.App, "carlos");
        // Carlos has not written to the business's number in 24 hours: WhatsApp refuses free text.
        (chat.Twilio.Respond, chat.Twilio.ErrorCode) = (_ => 400, MessageRefusedException.OutsideWindow);

        await BookByAdminAsync(chat);
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a retry, were there one

        Assert.Equal(1, chat.Twilio.Attempts);
        Assert.Empty(chat.DeliveredTo(Carlos));
    }
}
