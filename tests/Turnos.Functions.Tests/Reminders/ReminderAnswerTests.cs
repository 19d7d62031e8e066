using Microsoft.DurableTask.Client;
using Turnos.Core.Booking;
using Turnos.Functions.Booking;
using Turnos.Functions.Reminders;
using Turnos.Functions.Tests.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;

namespace Turnos.Functions.Tests.Reminders;

/// <summary>
/// The customer answers the reminder of the corte they booked by chat (see <see cref="ReminderTests"/>): 1 confirms it, 2
/// cancels it after the usual question, 3 moves it. The app's clock moves on a second after the booking, so the reminder
/// goes out after the customer's last message, and a minute more before they answer.
/// </summary>
[Collection("Azurite")]
public sealed class ReminderAnswerTests(AzuriteFixture azurite)
{
    /// <summary>Books by chat, waits for the reminder and for the customer's row to name it; returns the appointment's id.</summary>
    private static async Task<string> RemindedAsync(ChatApp chat)
    {
        var replies = await ReminderTests.BookByChatAsync(chat);
        chat.App.Clock.Advance(TimeSpan.FromSeconds(1));
        var customers = chat.Get<CustomerStore>();
        for (var waited = 0; waited < 150; waited++)
        {
            if ((await customers.GetAsync(Demo.Id, WhatsAppApp.Customer, default))?.LastReminder is { } last)
            {
                Assert.EndsWith("Responde *1* para confirmar, *2* para cancelar o *3* para cambiar el horario.", Assert.Single(chat.DeliveredTo().Skip(replies)));
                chat.App.Clock.Advance(TimeSpan.FromMinutes(1));
                return last.AppointmentId;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No reminder was recorded within 15 s.");
    }

    private static async Task<Appointment> StoredAsync(ChatApp chat, string id) =>
        (await chat.Get<AppointmentStore>().GetAsync(Demo.Id, id, default))!.Value.Appointment;

    [Fact]
    public async Task AnswerOne_ConfirmsTheAppointment()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        var id = await RemindedAsync(chat);

        var reply = await chat.SayAsync("1");

        Assert.Equal("¡Gracias! Tu turno de Corte de cabello, hoy (martes 24/11) a las 10:00 con Carlos quedó confirmado ✅ ¡Te esperamos!", reply);
        var stored = await StoredAsync(chat, id);
        Assert.Equal(AppointmentStatus.Booked, stored.Status);
        Assert.Equal(chat.App.Clock.GetUtcNow(), stored.ConfirmedUtc);
        Assert.DoesNotContain("confirmado", await chat.SayAsync("1")); // an old "1" is not read as an answer again
    }

    [Fact]
    public async Task AnswerTwo_ThenYes_CancelsTheAppointment()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        var id = await RemindedAsync(chat);

        Assert.EndsWith("¿Lo cancelo? Responde *sí* o *no*.", await chat.SayAsync("2"));
        Assert.StartsWith("Listo, cancelé tu turno de Corte de cabello, hoy (martes 24/11) a las 10:00 con Carlos.", await chat.SayAsync("sí"));

        Assert.Equal(AppointmentStatus.Cancelled, (await StoredAsync(chat, id)).Status);
    }

    [Fact]
    public async Task AnswerThree_ThenANewTime_MovesTheAppointmentAndItsReminders()
    {
        await using var chat = await ChatApp.StartAsync(azurite);
        var id = await RemindedAsync(chat);
        var delivered = chat.DeliveredTo().Count;

        var three = await chat.RepliesAsync("3");
        var newTime = await chat.RepliesAsync("hoy a las 11");
        var yes = await chat.RepliesAsync("sí");

        Assert.EndsWith("¿Para qué día y hora quieres pasarlo?", Assert.Single(three));
        Assert.StartsWith("Paso tu turno del hoy (martes 24/11) a las 10:00 con Carlos a:", newTime[0]);
        Assert.StartsWith("¡Listo! Tu turno quedó cambiado ✅", Assert.Single(yes));

        var old = await StoredAsync(chat, id);
        Assert.Equal(AppointmentStatus.Rescheduled, old.Status);
        var replacement = await StoredAsync(chat, old.RescheduledToId!);
        Assert.Equal((AppointmentStatus.Booked, Demo.Tuesday10.AddHours(1)), (replacement.Status, replacement.StartUtc));
        // The replacement's reminders wait for 09:00; the old one's are done, and no other comes.
        var client = chat.Get<DurableTaskClient>();
        var moved = await client.GetInstanceAsync(new ReminderWork(Demo.Id, replacement.Id).InstanceId);
        Assert.Contains(moved?.RuntimeStatus, new OrchestrationRuntimeStatus?[] { OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running });
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.GetInstanceAsync(new ReminderWork(Demo.Id, id).InstanceId))?.RuntimeStatus);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(delivered + three.Count + newTime.Count + yes.Count, chat.DeliveredTo().Count); // the replies, nothing else
    }
}
