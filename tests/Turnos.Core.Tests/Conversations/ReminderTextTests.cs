using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>The reminder's text: the bot's voice, what is booked in the business's zone, where, the code, how to answer.</summary>
public class ReminderTextTests
{
    private static readonly DateTimeOffset Ten = Utc(Tuesday, 10, 0);

    private static Appointment Booked(string name, params (string Service, string Professional)[] parts)
    {
        var segments = Visit.Segments([.. parts.Select(p => Service(p.Service))], parts[0].Professional, Ten, [.. parts.Select(p => p.Professional)]);
        return new Appointment("a1", "K7Q2PX", "demo", parts[0].Service, parts[0].Professional, new CustomerInfo(name, "+5491155550000", null),
            Ten, segments[^1].EndUtc, 0, 0, Tuesday, AppointmentStatus.Booked, AppointmentSource.WhatsApp, null, null, Now, Now,
            Segments: parts.Length > 1 ? segments : null);
    }

    [Fact]
    public void For_OneService_InSpanish_SaysWhoWhatWhenWhereAndTheCode()
    {
        var text = ReminderText.For(Booked("Ana Gómez", ("corte", "carlos")), Snapshot(), Language.Es);

        Assert.StartsWith("⏰ ¡Hola, Ana! Soy Turnos, de *Peluquería Demo*. Te recuerdo tu turno:", text);
        Assert.Contains("*Corte*", text);
        Assert.Contains("🕒 10:00", text); // 13:00 UTC in Buenos Aires
        Assert.Contains("con Carlos", text);
        Assert.Contains("📍 Av. Siempreviva 742", text);
        Assert.EndsWith("🔖 Código: *K7Q2PX*\nResponde *1* para confirmar, *2* para cancelar o *3* para cambiar el horario.", text);
    }

    [Fact]
    public void For_AVisit_InEnglish_ListsEveryServiceWithItsTimeAndProfessional()
    {
        var text = ReminderText.For(Booked("Ann", ("manicura", "sofia"), ("corte", "lucia")), Snapshot(), Language.En);

        Assert.StartsWith("⏰ Hi Ann! It's Turnos from *Peluquería Demo*. A reminder of your appointment:", text);
        Assert.Contains("*Manicura* with Sofía", text);
        Assert.Contains("*Corte* with Lucía", text);
        Assert.Contains("Code: *K7Q2PX*", text);
        Assert.EndsWith("\nReply *1* to confirm, *2* to cancel or *3* to change the time.", text);
    }

    [Fact]
    public void For_AlreadyConfirmed_OnlySaysHowToCancelOrChange()
    {
        var confirmed = Booked("Ana Gómez", ("corte", "carlos")) with { ConfirmedUtc = Now };

        var spanish = ReminderText.For(confirmed, Snapshot(), Language.Es);
        var english = ReminderText.For(confirmed, Snapshot(), Language.En);

        Assert.EndsWith("\nYa lo confirmaste ✅ Si necesitas cancelarlo responde *2*, o *3* para cambiar el horario.", spanish);
        Assert.EndsWith("\nYou've already confirmed it ✅ To cancel it reply *2*, or *3* to change the time.", english);
    }

    [Fact]
    public void For_NoAddressAndNoName_LeavesThemOut()
    {
        var s = Snapshot();
        var withoutAddress = new BusinessSnapshot(s.Business with { Address = null }, s.Services, s.Professionals, s.Blocks);

        var text = ReminderText.For(Booked("", ("corte", "carlos")), withoutAddress, Language.Es);

        Assert.StartsWith("⏰ ¡Hola! Soy Turnos", text);
        Assert.DoesNotContain("📍", text);
    }
}
