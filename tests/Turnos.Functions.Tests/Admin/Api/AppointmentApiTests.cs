using System.Net;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Api;

[Collection("Azurite")]
public sealed class AppointmentApiTests(AzuriteFixture azurite)
{
    private const string Appointments = "/api/admin/businesses/demo/appointments";

    internal static object NewBooking(string start, string? professionalId = "carlos", string serviceId = "corte", int customer = 1, string? key = null) => new
    {
        serviceId, professionalId, start, idempotencyKey = key,
        customer = new { name = $"Cliente {customer}", phone = $"+54911555{customer:00000}", email = $"cliente{customer}@example.com" },
    };

    [Fact]
    public async Task Book_List_Get_Cancel()
    {
        await using var app = new AdminApiApp(azurite);

        var response = await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:00"));

        var a = await response.JsonAsync(HttpStatusCode.Created);
        var id = a.Str("id");
        Assert.Equal($"{Appointments}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(6, a.Str("code").Length);
        Assert.Equal("booked", a.Str("status"));
        Assert.Equal("2026-11-24T10:00", a.Str("start"));
        Assert.Equal("2026-11-24T10:30", a.Str("end"));
        Assert.Equal(Demo.Tuesday10, a.GetProperty("startUtc").GetDateTimeOffset());
        Assert.Equal(Demo.Tuesday10.AddMinutes(30), a.GetProperty("endUtc").GetDateTimeOffset());
        Assert.Equal("Carlos Ramírez", a.Str("professionalName"));
        Assert.Equal("Corte de cabello", a.Str("serviceName"));
        Assert.Equal("admin", a.Str("source"));
        Assert.Equal("+5491155500001", a.GetProperty("customer").Str("phone"));

        Assert.Equal([id], await IdsAsync(app, ""));
        Assert.Equal([id], await IdsAsync(app, "?from=2026-11-24&to=2026-11-24&professionalId=carlos&status=booked"));
        Assert.Empty(await IdsAsync(app, "?from=2026-11-25"));
        Assert.Empty(await IdsAsync(app, "?professionalId=lucia"));
        Assert.Empty(await IdsAsync(app, "?status=cancelled"));
        Assert.Equal(id, (await (await app.Platform.GetAsync($"{Appointments}/{id}")).JsonAsync(HttpStatusCode.OK)).Str("id"));
        Assert.Equal(id, (await (await app.Platform.GetAsync($"{Appointments}/{a.Str("code").ToLowerInvariant()}")).JsonAsync(HttpStatusCode.OK)).Str("id"));

        var cancelled = await (await app.Platform.PostAsync($"{Appointments}/{id}/cancel", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("status"));
        var again = await (await app.Platform.PostAsync($"{Appointments}/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("cancelled", again.Str("appointmentStatus"));
        Assert.Equal([id], await IdsAsync(app, "?status=cancelled"));
        // The time is free again.
        await (await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:00", customer: 2))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task UnknownIds_404()
    {
        await using var app = new AdminApiApp(azurite);

        await (await app.Platform.GetAsync($"{Appointments}/0123456789abcdef0123456789abcdef")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.Platform.GetAsync($"{Appointments}/ZZZZZZ")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.Platform.PostAsync($"{Appointments}/nada/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.Platform.PostJsonAsync($"{Appointments}/nada/reschedule", new { start = "2026-11-24T15:00" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.Platform.PostJsonAsync("/api/admin/businesses/nadie/appointments", NewBooking("2026-11-24T10:00"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnyProfessional_AndIdempotencyKey()
    {
        await using var app = new AdminApiApp(azurite);

        var first = await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T11:00", professionalId: null, key: "console-1"));
        var repeat = await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T11:00", professionalId: null, key: "console-1"));

        var a = await first.JsonAsync(HttpStatusCode.Created);
        Assert.Contains(a.Str("professionalId"), new[] { "carlos", "lucia" });
        Assert.Equal(a.Str("id"), (await repeat.JsonAsync(HttpStatusCode.Created)).Str("id"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single(await IdsAsync(app, "?from=2026-11-24&to=2026-11-24"));
    }

    [Fact]
    public async Task SlotTaken_409WithReasonAndAlternatives()
    {
        await using var app = new AdminApiApp(azurite);
        await (await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);

        var response = await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:00", customer: 2));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("booked", problem.Str("reason"));
        Assert.False(string.IsNullOrEmpty(problem.Str("title")));
        Assert.Contains("2026-11-24T10:00", problem.Str("detail"));
        var alternatives = problem.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.Equal(3, alternatives.Count);
        Assert.All(alternatives, x => Assert.Equal("carlos", x.Str("professionalId")));
        var starts = alternatives.Select(x => x.Str("start")).ToList();
        Assert.Contains("2026-11-24T09:30", starts);
        Assert.Contains("2026-11-24T10:30", starts);
        Assert.DoesNotContain("2026-11-24T10:00", starts);
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.Equal(Demo.At(2026, 11, 24, 9, 30), alternatives.Single(x => x.Str("start") == "2026-11-24T09:30").GetProperty("startUtc").GetDateTimeOffset());
    }

    [Fact]
    public async Task Blocked_409()
    {
        await using var app = new AdminApiApp(azurite);
        await (await app.Platform.PostJsonAsync("/api/admin/businesses/demo/blocks",
            new { id = "carlos-tramite", professional = "carlos", from = "2026-11-24T09:00", to = "2026-11-24T12:00" })).JsonAsync(HttpStatusCode.Created);

        var problem = await (await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:00"))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("blocked", problem.Str("reason"));
        Assert.Equal("2026-11-24T12:00", problem.GetProperty("alternatives")[0].Str("start"));
    }

    [Theory]
    [InlineData("2026-11-24T20:00", "outsideHours")]
    [InlineData("2026-11-23T09:00", "past")]
    [InlineData("2026-11-23T12:30", "tooSoon")]
    [InlineData("2027-03-01T10:00", "beyondHorizon")]
    [InlineData("2026-11-29T10:00", "closedDay")]
    public async Task AgainstTheRules_400OnStartWithReason(string start, string reason)
    {
        await using var app = new AdminApiApp(azurite);

        var problem = await (await app.Platform.PostJsonAsync(Appointments, NewBooking(start))).AssertInvalidAsync("start");

        Assert.Equal(reason, problem.Str("reason"));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, problem.GetProperty("alternatives").ValueKind);
        Assert.Empty(await IdsAsync(app, "?from=2026-11-23&to=2027-03-02"));
    }

    [Fact]
    public async Task Invalid_NamesTheFields()
    {
        await using var app = new AdminApiApp(azurite);

        var empty = await app.Platform.PostJsonAsync(Appointments, new { });
        var customer = await app.Platform.PostJsonAsync(Appointments, new
        {
            serviceId = "corte", start = "mañana a las 10", customer = new { name = " ", phone = "1155550000", email = "ana@" },
        });
        var unknownService = await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:00", serviceId: "tatuaje"));
        var doesNotOffer = await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:00", professionalId: "sofia"));
        var unknownProfessional = await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:00", professionalId: "nadie"));
        var offGrid = await app.Platform.PostJsonAsync(Appointments, NewBooking("2026-11-24T10:02"));
        var malformed = await app.Platform.PostRawAsync(Appointments, "{\"serviceId\": \"corte\", ");
        var badQuery = await app.Platform.GetAsync($"{Appointments}?from=24/11/2026&status=done");
        var backwards = await app.Platform.GetAsync($"{Appointments}?from=2026-11-25&to=2026-11-24");

        await empty.AssertInvalidAsync("serviceId", "start", "customer");
        await customer.AssertInvalidAsync("start", "customer.name", "customer.phone", "customer.email");
        await unknownService.AssertInvalidAsync("serviceId");
        await doesNotOffer.AssertInvalidAsync("professionalId");
        await unknownProfessional.AssertInvalidAsync("professionalId");
        await offGrid.AssertInvalidAsync("start");
        await malformed.AssertInvalidAsync("body");
        await badQuery.AssertInvalidAsync("from", "status");
        await backwards.AssertInvalidAsync("to");
    }

    internal static async Task<List<string>> IdsAsync(AdminApiApp app, string query) =>
        [.. (await (await app.Platform.GetAsync(Appointments + query)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(a => a.Str("id"))];
}
