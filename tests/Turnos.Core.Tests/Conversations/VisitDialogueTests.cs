using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Several services in one visit, through the engine as customers write them ("now": Monday 2026-03-09 08:00, Buenos Aires).</summary>
public class VisitDialogueTests
{
    private static readonly DateTimeOffset Ten = Utc(Tuesday, 10, 0);

    private static TurnFacts Known(IReadOnlyList<BusyInterval>? busy = null, IReadOnlyList<Appointment>? upcoming = null) =>
        new(Snapshot(), busy ?? [], Monday, Monday.AddDays(8), Now, "Juan Pérez", "juan@example.com", upcoming);

    [Fact]
    public void Hear_TwoServicesOneProfessional_SummarisesTheVisitAndBooksItAsOne()
    {
        var facts = Known();
        var d = Hear(Fresh, "hola, corte y barba el martes a las 10", facts);

        Assert.Equal(Expectation.Confirmation, d.State.Expecting);
        var summary = d.Replies[^2];
        Assert.Contains("📅 martes 10 de marzo, de 10:00 a 10:50", summary);
        Assert.Contains("• 10:00 *Corte* con Carlos", summary);
        Assert.Contains("• 10:30 *Barba* con Carlos", summary);
        Assert.Contains("⏱️ Duración total: 50 min", summary);
        Assert.Contains("💲 Total: $13.000", summary);

        var yes = Hear(d.State, "sí", facts);
        var book = Assert.IsType<TurnEffect.Book>(yes.Effect);
        Assert.Equal(("corte", "carlos", Ten), (book.ServiceId, book.ProfessionalId, book.StartUtc));
        Assert.Equal(["corte", "barba"], book.ServiceIds);
        Assert.Null(book.Team);

        var done = ConversationEngine.Complete(yes, new EffectOutcome.Booked(VisitAppointment("v1", ("corte", "carlos"), ("barba", "carlos"))), facts);
        Assert.Contains("🔖 Código: *CODE23*", done.Replies[^1]);
        Assert.Contains("• 10:30 *Barba* con Carlos", done.Replies[^1]);
    }

    [Fact]
    public void Hear_ThreeServices_OneProfessionalForTheWholeSpan()
    {
        var facts = Known();
        var d = Hear(Fresh, "coloración, corte y peinado el martes a las 10", facts);

        var summary = d.Replies[^2];
        Assert.Contains("de 10:00 a 12:45", summary);
        Assert.Contains("• 11:30 *Corte* con Carlos", summary);
        Assert.Contains("• 12:00 *Peinado* con Carlos", summary);
        Assert.Contains("Duración total: 2 h 45 min", summary);
        Assert.Contains("Total: $45.000", summary);
        var book = Assert.IsType<TurnEffect.Book>(Hear(d.State, "dale", facts).Effect);
        Assert.Equal(["coloracion", "corte", "peinado"], book.ServiceIds);
    }

    [Fact]
    public void Hear_NobodyDoesTheWholeVisitThen_SplitsAcrossTwoAndSaysWhich()
    {
        var facts = Known(busy: [Busy("lucia", Ten, 120)]);
        var d = Hear(Fresh, "manicura y corte el martes a las 10", facts);

        var summary = d.Replies[^2];
        Assert.Contains("• 10:00 *Manicura* con Sofía", summary);
        Assert.Contains("• 10:45 *Corte* con Carlos", summary);
        var book = Assert.IsType<TurnEffect.Book>(Hear(d.State, "sí", facts).Effect);
        Assert.Equal("sofia", book.ProfessionalId);
        Assert.Equal(["sofia", "carlos"], book.Team);
    }

    [Fact]
    public void Complete_OneServiceTakenMeanwhile_OffersAlternativesForTheWholeVisit()
    {
        var facts = Known();
        var d = Hear(Fresh, "corte y barba el martes a las 10", facts);
        d = Hear(d.State, "sí", facts);

        // Someone took both professionals' 10:30 while the customer confirmed: the barba cannot follow the corte at 10.
        var now = Known(busy: [Busy("carlos", Ten.AddMinutes(30), 30), Busy("lucia", Ten.AddMinutes(30), 30)]);
        var lost = ConversationEngine.Complete(d, new EffectOutcome.SlotLost(UnavailableReason.Booked), now);

        Assert.StartsWith("Uy, ese horario se acaba de ocupar.", lost.Replies[^1]);
        Assert.Equal(3, lost.State.Offered.Count);
        Assert.DoesNotContain(lost.State.Offered, o => o.StartUtc < Ten.AddMinutes(60) && o.StartUtc.AddMinutes(50) > Ten.AddMinutes(30));

        var pick = Hear(lost.State, "la 1", now);
        Assert.Contains("*Barba*", pick.Replies[^2]);
        Assert.Contains("Duración total: 50 min", pick.Replies[^2]);
    }

    [Fact]
    public void Hear_VisitOnAFullDay_ListsOnlyStartsWhereTheWholeVisitFits()
    {
        // Everyone who does a barba is busy from 10:30 on: the visit (50 min) can only start at 9:00 or 9:30.
        var facts = Known(busy: [Busy("carlos", Ten.AddMinutes(30), 510), Busy("lucia", Ten.AddMinutes(30), 510)]);
        var d = Hear(Fresh, "corte y barba el martes", facts);

        Assert.Equal(Expectation.Choice, d.State.Expecting);
        Assert.Equal([Utc(Tuesday, 9, 0), Utc(Tuesday, 9, 30)], d.State.Offered.Select(o => o.StartUtc));
    }

    [Fact]
    public void Hear_VisitInEnglish_SummaryListsEachServiceAndTotals()
    {
        var facts = Known();
        var d = Hear(Fresh, "hi, I'd like a haircut and a beard trim on Tuesday at 10", facts);

        var summary = d.Replies[^2];
        Assert.Contains("• 10:00 AM *Corte* with Carlos", summary);
        Assert.Contains("• 10:30 AM *Barba* with Carlos", summary);
        Assert.Contains("Total time: 50 min", summary);
        Assert.Contains("Total: $13,000", summary);
    }

    [Fact]
    public void Hear_CancelAVisit_NamesEveryServiceAndCancelsTheOneAppointment()
    {
        var visit = VisitAppointment("v1", ("manicura", "sofia"), ("corte", "carlos"));
        var facts = Known(upcoming: [visit]);
        var d = Hear(Fresh, "quiero cancelar mi turno", facts);

        Assert.Contains("Manicura y Corte", d.Replies[^1]);
        Assert.Contains("con Sofía y Carlos", d.Replies[^1]);
        Assert.Equal("v1", Assert.IsType<TurnEffect.Cancel>(Hear(d.State, "sí", facts).Effect).AppointmentId);
    }

    [Fact]
    public void Hear_RescheduleAVisit_MovesTheWholeVisit()
    {
        var visit = VisitAppointment("v1", ("corte", "carlos"), ("barba", "carlos"));
        var facts = Known(upcoming: [visit]);
        var d = Hear(Fresh, "quiero cambiar mi turno para el miércoles a las 11", facts);

        Assert.Contains("• 11:30 *Barba* con Carlos", d.Replies[^2]);
        var move = Assert.IsType<TurnEffect.Reschedule>(Hear(d.State, "sí", facts).Effect);
        Assert.Equal(("v1", Utc(Tuesday.AddDays(1), 11, 0)), (move.AppointmentId, move.StartUtc));
    }

    private static Appointment VisitAppointment(string id, params (string Service, string Professional)[] parts)
    {
        var segments = Visit.Segments([.. parts.Select(p => Service(p.Service))], parts[0].Professional, Ten, [.. parts.Select(p => p.Professional)]);
        return new Appointment(id, "CODE23", "demo", parts[0].Service, parts[0].Professional, new CustomerInfo("Juan Pérez", "+5491155550000", null),
            Ten, segments[^1].EndUtc, 0, 0, Tuesday, AppointmentStatus.Booked, AppointmentSource.WhatsApp, null, null, Now, Now, Segments: segments);
    }
}
