using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Booking;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Api;

/// <summary>Booking a visit of several services through the admin API: one appointment, every service listed.</summary>
[Collection("Azurite")]
public sealed class VisitApiTests(AzuriteFixture azurite)
{
    private const string Appointments = "/api/admin/businesses/demo/appointments";

    private static object Visit(string start, string[] serviceIds, string? professionalId = null, int customer = 1) => new
    {
        serviceIds, professionalId, start,
        customer = new { name = $"Cliente {customer}", phone = $"+54911555{customer:00000}", email = $"cliente{customer}@example.com" },
    };

    [Fact]
    public async Task BookVisit_OneAppointmentListingEveryServiceBackToBack()
    {
        await using var app = new AdminApiApp(azurite);

        var a = await (await app.Platform.PostJsonAsync(Appointments, Visit("2026-11-24T10:00", ["corte", "barba"]))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(("corte", "carlos", "2026-11-24T10:00", "2026-11-24T10:50"), (a.Str("serviceId"), a.Str("professionalId"), a.Str("start"), a.Str("end")));
        var services = a.GetProperty("services").EnumerateArray().Select(s => (s.Str("serviceName"), s.Str("professionalName"), s.Str("start"), s.Str("end"))).ToList();
        Assert.Equal([("Corte de cabello", "Carlos Ramírez", "2026-11-24T10:00", "2026-11-24T10:30"), ("Barba", "Carlos Ramírez", "2026-11-24T10:30", "2026-11-24T10:50")],
            services);
        var single = await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T12:00"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("corte", Assert.Single(single.GetProperty("services").EnumerateArray()).Str("serviceId"));
    }

    [Fact]
    public async Task BookVisit_NobodyFreeForTheWholeSpan_SplitsAcrossProfessionals()
    {
        await using var app = new AdminApiApp(azurite);
        await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00", "lucia", "coloracion", customer: 2)))
            .JsonAsync(HttpStatusCode.Created);

        var a = await (await app.Platform.PostJsonAsync(Appointments, Visit("2026-11-24T10:00", ["manicura", "corte"]))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(["sofia", "carlos"], a.GetProperty("services").EnumerateArray().Select(s => s.Str("professionalId")));
        var carlos = await (await app.Platform.GetAsync($"{Appointments}?professionalId=carlos")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(carlos.EnumerateArray(), x => x.Str("id") == a.Str("id"));
    }

    [Fact]
    public async Task RescheduleAndCancelAVisit_MovesAndReleasesEveryPart()
    {
        await using var app = new AdminApiApp(azurite);
        await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00", "lucia", "coloracion", customer: 2)))
            .JsonAsync(HttpStatusCode.Created);
        var a = await (await app.Platform.PostJsonAsync(Appointments, Visit("2026-11-24T10:00", ["manicura", "corte"]))).JsonAsync(HttpStatusCode.Created);

        var moved = await (await app.Platform.PostJsonAsync($"{Appointments}/{a.Str("id")}/reschedule", new { start = "2026-11-25T15:00" }))
            .JsonAsync(HttpStatusCode.OK);

        // The same professionals for each service, at the new time.
        Assert.Equal([("sofia", "2026-11-25T15:00"), ("carlos", "2026-11-25T15:45")],
            moved.GetProperty("services").EnumerateArray().Select(s => (s.Str("professionalId"), s.Str("start"))));
        var schedule = app.App.Services.GetRequiredService<ScheduleStore>();
        Assert.DoesNotContain(await schedule.ReadAsync("demo", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), default), h => h.AppointmentId == a.Str("id"));
        Assert.Equal(2, (await schedule.ReadAsync("demo", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25), default)).Count(h => h.AppointmentId == moved.Str("id")));

        await (await app.Platform.PostAsync($"{Appointments}/{moved.Str("id")}/cancel", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(await schedule.ReadAsync("demo", new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25), default));
    }

    [Fact]
    public async Task RescheduleASplitVisitOntoPartOfItsOwnTime_EachProfessionalsPartSwapsInPlace()
    {
        await using var app = new AdminApiApp(azurite);
        await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:00", "lucia", "coloracion", customer: 2)))
            .JsonAsync(HttpStatusCode.Created);
        var a = await (await app.Platform.PostJsonAsync(Appointments, Visit("2026-11-24T10:00", ["manicura", "corte"]))).JsonAsync(HttpStatusCode.Created);

        // Sofía 10:30–11:15 overlaps her 10:00–10:45, Carlos 11:15–11:45 his 10:45–11:15.
        var moved = await (await app.Platform.PostJsonAsync($"{Appointments}/{a.Str("id")}/reschedule", new { start = "2026-11-24T10:30" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal([("sofia", "2026-11-24T10:30"), ("carlos", "2026-11-24T11:15")],
            moved.GetProperty("services").EnumerateArray().Select(s => (s.Str("professionalId"), s.Str("start"))));
        var held = await app.App.Services.GetRequiredService<ScheduleStore>().ReadAsync("demo", new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), default);
        Assert.DoesNotContain(held, h => h.AppointmentId == a.Str("id"));
        Assert.Equal(2, held.Count(h => h.AppointmentId == moved.Str("id")));
    }

    [Fact]
    public async Task BookVisit_PartTaken_409WithAlternativesForTheWholeVisit()
    {
        await using var app = new AdminApiApp(azurite);
        foreach (var (pro, n) in new[] { ("carlos", 2), ("lucia", 3) })
            await (await app.Platform.PostJsonAsync(Appointments, AppointmentApiTests.NewBooking("2026-11-24T10:30", pro, "barba", customer: n)))
                .JsonAsync(HttpStatusCode.Created);

        var problem = await (await app.Platform.PostJsonAsync(Appointments, Visit("2026-11-24T10:00", ["corte", "barba"]))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("booked", problem.Str("reason"));
        var starts = problem.GetProperty("alternatives").EnumerateArray().Select(x => x.Str("start")).ToList();
        Assert.Equal(["2026-11-24T09:00", "2026-11-24T09:30", "2026-11-24T11:00"], starts); // on the 30-minute grid
    }

    [Fact]
    public async Task BookVisit_BadServiceList_NamesTheFields()
    {
        await using var app = new AdminApiApp(azurite);

        await (await app.Platform.PostJsonAsync(Appointments, Visit("2026-11-24T10:00", ["corte", "nada"]))).AssertInvalidAsync("serviceIds[1]");
        await (await app.Platform.PostJsonAsync(Appointments, Visit("2026-11-24T10:00", ["corte", "corte"]))).AssertInvalidAsync("serviceIds");
        await (await app.Platform.PostJsonAsync(Appointments, Visit("2026-11-24T10:00", []))).AssertInvalidAsync("serviceIds");
    }
}
