using System.Net;
using Microsoft.DurableTask.Client;
using Turnos.Core.Notices;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.WhatsApp.Outbound;
using static Turnos.Functions.Tests.Notices.Professionals;

namespace Turnos.Functions.Tests.Notices;

/// <summary>
/// Notices to professionals of changes made through the admin API (the console's way), read in the local sink (Development
/// without a Twilio account). Tests run on Monday 2026-11-23 12:00 in Buenos Aires; the appointments are on the Tuesday.
/// </summary>
[Collection("Azurite")]
public sealed class NoticeTests(AzuriteFixture azurite)
{
    private const string Appointments = "/api/admin/businesses/demo/appointments";
    private const string BusinessNumber = "+14155238886";

    private static IReadOnlyList<OutboundReply> SentTo(AdminApiApp app, string number) =>
        [.. app.App.Get<LocalReplySink>().Since(number, 0).Select(r => r.Reply)];

    private static async Task<string> BookAsync(AdminApiApp app, object booking)
    {
        var id = (await (await app.Platform.PostJsonAsync(Appointments, booking)).JsonAsync(HttpStatusCode.Created)).Str("id");
        await FinishedAsync(app.App, id, NoticeKind.New);
        return id;
    }

    private static async Task<string> MoveAsync(AdminApiApp app, string id, object to)
    {
        var moved = (await (await app.Platform.PostJsonAsync($"{Appointments}/{id}/reschedule", to)).JsonAsync(HttpStatusCode.OK)).Str("id");
        await FinishedAsync(app.App, moved, NoticeKind.Moved);
        return moved;
    }

    [Fact]
    public async Task Booked_TheProfessionalHearsOfIt_FromTheBusinessNumber_Once()
    {
        await using var app = new AdminApiApp(azurite);
        await SetNumbersAsync(app, "carlos");

        var booking = AppointmentApiTests.NewBooking("2026-11-24T10:00", key: "k1");
        var id = await BookAsync(app, booking);
        // The same request again (its answer lost): the notices start again and find theirs sent.
        Assert.Equal(id, (await (await app.Platform.PostJsonAsync(Appointments, booking)).JsonAsync(HttpStatusCode.Created)).Str("id"));
        await FinishedAsync(app.App, id, NoticeKind.New);

        var notice = Assert.Single(SentTo(app, Carlos));
        Assert.Equal("📅 Nuevo turno: Corte de cabello, martes 24/11 10:00, Cliente 1.", notice.Body);
        Assert.Equal(BusinessNumber, notice.From);
    }

    [Fact]
    public async Task Cancelled_TheProfessionalHearsOfItToo()
    {
        await using var app = new AdminApiApp(azurite);
        await SetNumbersAsync(app, "carlos");
        var id = await BookAsync(app, AppointmentApiTests.NewBooking("2026-11-24T10:00"));

        await (await app.Platform.PostAsync($"{Appointments}/{id}/cancel", null)).JsonAsync(HttpStatusCode.OK);
        await FinishedAsync(app.App, id, NoticeKind.Cancelled);

        Assert.Equal(["📅 Nuevo turno: Corte de cabello, martes 24/11 10:00, Cliente 1.", "❌ Turno cancelado: Corte de cabello, martes 24/11 10:00, Cliente 1."],
            SentTo(app, Carlos).Select(n => n.Body));
    }

    [Fact]
    public async Task Moved_OneNotice_FromTheOldTimeToTheNew()
    {
        await using var app = new AdminApiApp(azurite);
        await SetNumbersAsync(app, "carlos");
        var id = await BookAsync(app, AppointmentApiTests.NewBooking("2026-11-24T10:00"));

        await MoveAsync(app, id, new { start = "2026-11-25T16:30" });

        Assert.Equal("🔁 Turno reprogramado: Corte de cabello, Cliente 1, del martes 24/11 10:00 al miércoles 25/11 16:30.", SentTo(app, Carlos)[^1].Body);
        Assert.Equal(2, SentTo(app, Carlos).Count);
    }

    [Fact]
    public async Task MovedToAnotherProfessional_TheOldOneHearsItWasReassigned_TheNewOneThatItIsTheirs()
    {
        await using var app = new AdminApiApp(azurite);
        await SetNumbersAsync(app, "carlos", "lucia");
        var id = await BookAsync(app, AppointmentApiTests.NewBooking("2026-11-24T10:00"));

        await MoveAsync(app, id, new { start = "2026-11-24T11:00", professionalId = "lucia" });

        Assert.Equal("↪️ Turno reasignado a Lucía Fernández: Corte de cabello, martes 24/11 10:00, Cliente 1.", SentTo(app, Carlos)[^1].Body);
        Assert.Equal("📅 Nuevo turno: Corte de cabello, martes 24/11 11:00, Cliente 1.", Assert.Single(SentTo(app, Lucia)).Body);
    }

    [Fact]
    public async Task AVisitSplitAcrossProfessionals_EachHearsOfTheirOwnPart()
    {
        await using var app = new AdminApiApp(azurite);
        await SetNumbersAsync(app, "carlos", "lucia", "sofia");
        // Lucía is busy at 10:00, so manicura goes to Sofía and the corte after it to Carlos.
        await BookAsync(app, AppointmentApiTests.NewBooking("2026-11-24T10:00", "lucia", "coloracion", customer: 2));

        await BookAsync(app, new
        {
            serviceIds = new[] { "manicura", "corte" }, start = "2026-11-24T10:00",
            customer = new { name = "Cliente 1", phone = "+5491155500001", email = "cliente1@example.com" },
        });

        Assert.Equal("📅 Nuevo turno: Manicura, martes 24/11 10:00, Cliente 1.", Assert.Single(SentTo(app, Sofia)).Body);
        Assert.Equal("📅 Nuevo turno: Corte de cabello, martes 24/11 10:45, Cliente 1.", Assert.Single(SentTo(app, Carlos)).Body);
        Assert.Equal("📅 Nuevo turno: Coloración, martes 24/11 10:00, Cliente 2.", Assert.Single(SentTo(app, Lucia)).Body);
    }

    [Fact]
    public async Task AProfessionalWithoutANumber_GetsNothing_AndABusinessWithoutAnyStartsNothing()
    {
        await using var app = new AdminApiApp(azurite);
        var sink = app.App.Get<LocalReplySink>();

        var none = (await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created)).Str("id");
        Assert.Null(await FinishedAsync(app.App, none, NoticeKind.New));

        await SetNumbersAsync(app, "carlos");
        var before = sink.LastSequence;
        var lucias = await BookAsync(app, AppointmentApiTests.NewBooking("2026-11-24T10:00", "lucia", customer: 2));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await FinishedAsync(app.App, lucias, NoticeKind.New))!.RuntimeStatus);
        Assert.Equal(before, sink.LastSequence); // nothing sent to anyone
        Assert.Empty(SentTo(app, Carlos));
    }
}
