using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Notices;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests;

/// <summary>The professionals' notices: each with a number hears of their own part, in Spanish, in the business's zone,
/// with the customer's name and never their phone. Carlos and Sofía have a number here, Lucía none.</summary>
public class ProfessionalNoticesTests
{
    private const string CarlosPhone = "+5491100000001", SofiaPhone = "+5491100000003", CustomerPhone = "+5491155550000";
    private static readonly DateTimeOffset Ten = Utc(Tuesday, 10, 0);

    private static BusinessSnapshot WithNumbers()
    {
        var s = Snapshot();
        var numbers = new Dictionary<string, string> { ["carlos"] = CarlosPhone, ["sofia"] = SofiaPhone };
        return new BusinessSnapshot(s.Business, s.Services,
            [.. s.Professionals.Select(p => p with { WhatsAppNumber = numbers.GetValueOrDefault(p.Id) })], s.Blocks);
    }

    private static Appointment Booked(DateTimeOffset start, params (string Service, string Professional)[] parts)
    {
        var segments = Visit.Segments([.. parts.Select(p => Service(p.Service))], parts[0].Professional, start, [.. parts.Select(p => p.Professional)]);
        return new Appointment("a1", "K7Q2PX", "demo", parts[0].Service, parts[0].Professional, new CustomerInfo("Juan Pérez", CustomerPhone, null),
            start, segments[^1].EndUtc, 0, 0, DateOnly.FromDateTime(start.AddHours(-3).DateTime), AppointmentStatus.Booked, AppointmentSource.WhatsApp,
            null, null, Now, Now, Segments: parts.Length > 1 ? segments : null);
    }

    private static Appointment MovedTo(DateTimeOffset start, params (string Service, string Professional)[] parts) =>
        Booked(start, parts) with { Id = "a2", RescheduledFromId = "a1" };

    [Fact]
    public void New_TellsTheProfessional_WhatWhenAndWho_InTheBusinessZone()
    {
        var notice = Assert.Single(ProfessionalNotices.For(NoticeKind.New, Booked(Ten, ("corte", "carlos")), null, WithNumbers()));

        Assert.Equal(("carlos", CarlosPhone), (notice.ProfessionalId, notice.To));
        Assert.Equal("📅 Nuevo turno: Corte, martes 10/3 10:00, Juan Pérez.", notice.Text); // 13:00 UTC in Buenos Aires
        Assert.DoesNotContain(CustomerPhone, notice.Text);
    }

    [Fact]
    public void Cancelled_SaysSo()
    {
        var notice = Assert.Single(ProfessionalNotices.For(NoticeKind.Cancelled, Booked(Ten, ("barba", "carlos")) with { Status = AppointmentStatus.Cancelled },
            null, WithNumbers()));

        Assert.Equal("❌ Turno cancelado: Barba, martes 10/3 10:00, Juan Pérez.", notice.Text);
    }

    [Fact]
    public void AProfessionalWithoutANumber_IsNotTold()
    {
        Assert.Empty(ProfessionalNotices.For(NoticeKind.New, Booked(Ten, ("corte", "lucia")), null, WithNumbers()));
        Assert.Empty(ProfessionalNotices.For(NoticeKind.New, Booked(Ten, ("corte", "carlos")), null, Snapshot()));
    }

    [Fact]
    public void AVisitSplitAcrossProfessionals_TellsEachOfTheirOwnPart()
    {
        var visit = Booked(Ten, ("manicura", "sofia"), ("corte", "carlos"), ("barba", "carlos"), ("peinado", "lucia"));

        var notices = ProfessionalNotices.For(NoticeKind.New, visit, null, WithNumbers());

        Assert.Equal(["sofia", "carlos"], notices.Select(n => n.ProfessionalId));
        Assert.Equal("📅 Nuevo turno: Manicura, martes 10/3 10:00, Juan Pérez.", notices[0].Text);
        Assert.Equal("📅 Nuevo turno: Corte y Barba, martes 10/3 10:45, Juan Pérez.", notices[1].Text);
    }

    [Fact]
    public void Moved_TellsTheOldAndNewTime()
    {
        var notice = Assert.Single(ProfessionalNotices.For(NoticeKind.Moved, MovedTo(Utc(Tuesday.AddDays(1), 16, 30), ("corte", "carlos")),
            Booked(Ten, ("corte", "carlos")), WithNumbers()));

        Assert.Equal("🔁 Turno reprogramado: Corte, Juan Pérez, del martes 10/3 10:00 al miércoles 11/3 16:30.", notice.Text);
    }

    [Fact]
    public void MovedToAnotherProfessional_TheOldOneHearsItLeft_TheNewOneGetsItAsNew()
    {
        var notices = ProfessionalNotices.For(NoticeKind.Moved, MovedTo(Utc(Tuesday, 11, 0), ("peinado", "sofia")),
            Booked(Ten, ("peinado", "carlos")), WithNumbers());

        Assert.Equal(["sofia", "carlos"], notices.Select(n => n.ProfessionalId));
        Assert.Equal("📅 Nuevo turno: Peinado, martes 10/3 11:00, Juan Pérez.", notices[0].Text);
        Assert.Equal("↪️ Turno reasignado a Sofía: Peinado, martes 10/3 10:00, Juan Pérez.", notices[1].Text);
    }

    [Fact]
    public void MovedVisit_AProfessionalWhosePartDidNotChange_IsNotTold()
    {
        // Manicura stays with Sofía at 10:00; the corte after it goes from Lucía (no number) to Carlos.
        var notices = ProfessionalNotices.For(NoticeKind.Moved, MovedTo(Ten, ("manicura", "sofia"), ("corte", "carlos")),
            Booked(Ten, ("manicura", "sofia"), ("corte", "lucia")), WithNumbers());

        Assert.Equal("📅 Nuevo turno: Corte, martes 10/3 10:45, Juan Pérez.", Assert.Single(notices).Text);
    }

    [Fact]
    public void MovedWithoutTheOldAppointment_IsToldAsNew() =>
        Assert.Equal("📅 Nuevo turno: Corte, martes 10/3 10:00, Juan Pérez.",
            Assert.Single(ProfessionalNotices.For(NoticeKind.Moved, MovedTo(Ten, ("corte", "carlos")), null, WithNumbers())).Text);

    [Fact]
    public void ACustomerWithoutAName_ReadsAsSuch() =>
        Assert.Equal("📅 Nuevo turno: Corte, martes 10/3 10:00, cliente sin nombre.",
            Assert.Single(ProfessionalNotices.For(NoticeKind.New, Booked(Ten, ("corte", "carlos")) with { Customer = new CustomerInfo(" ", CustomerPhone, null) },
                null, WithNumbers())).Text);
}
