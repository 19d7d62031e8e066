using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Api;

[Collection("Azurite")]
public sealed class CatalogItemApiTests(AzuriteFixture azurite)
{
    private const string Demo = "/api/admin/businesses/demo";

    [Fact]
    public async Task Services_Crud_RoundTrip()
    {
        await using var app = new AdminApiApp(azurite);

        var created = await app.Platform.PostJsonAsync($"{Demo}/services", new { id = "lavado", name = "Lavado", durationMinutes = 15, price = 1500.5m, description = "Con masaje" });
        Assert.Equal($"{Demo}/services/lavado", created.Headers.Location?.OriginalString);
        Assert.Equal(1500.5m, (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("price").GetDecimal());
        var list = await (await app.Platform.GetAsync($"{Demo}/services")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("lavado", list[list.GetArrayLength() - 1].Str("id")); // appended in catalog order

        var put = await app.Platform.PutAsJsonAsync($"{Demo}/services/lavado", new { name = "Lavado y secado", durationMinutes = 30, price = 2000 });
        Assert.Equal("Lavado y secado", (await put.JsonAsync(HttpStatusCode.OK)).Str("name"));
        var one = await (await app.Platform.GetAsync($"{Demo}/services/lavado")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(30, one.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("description").ValueKind); // PUT replaces every field

        Assert.Equal(HttpStatusCode.NoContent, (await app.Platform.DeleteAsync($"{Demo}/services/lavado")).StatusCode);
        await (await app.Platform.GetAsync($"{Demo}/services/lavado")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.Platform.DeleteAsync($"{Demo}/services/lavado")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Items_Invalid_NamedRelativeToTheBody()
    {
        await using var app = new AdminApiApp(azurite);

        var service = await app.Platform.PostJsonAsync($"{Demo}/services", new { id = "Lavado", durationMinutes = 7, price = -1 });
        var professional = await app.Platform.PostJsonAsync($"{Demo}/professionals", new
        {
            id = "ana", name = "Ana", email = "ana@", services = new[] { "corte", "nada" },
            hours = new Dictionary<string, string[]> { ["monday"] = ["9-19"], ["funday"] = ["10:00-11:00"] }, calendar = "no es calendario",
            whatsAppNumber = "11 5555-1234",
        });
        var block = await app.Platform.PostJsonAsync($"{Demo}/blocks", new { id = "x", professional = "nadie", from = "2026-12-01T10:00", to = "2026-12-01T09:00" });
        var malformed = await app.Platform.PostRawAsync($"{Demo}/services", "{\"id\":\"a\",\"durationMinutes\":true}");

        await service.AssertInvalidAsync("id", "name", "durationMinutes", "price");
        var problem = await professional.AssertInvalidAsync("email", "services[1]", "hours.monday[0]", "hours.funday", "calendar", "whatsAppNumber");
        Assert.Contains("E.164", problem.GetProperty("errors").GetProperty("whatsAppNumber")[0].GetString());
        await block.AssertInvalidAsync("professional", "to");
        await malformed.AssertInvalidAsync("durationMinutes");
    }

    [Fact]
    public async Task Items_ExistingId_UnknownItem_OtherId()
    {
        await using var app = new AdminApiApp(azurite);

        var exists = await app.Platform.PostJsonAsync($"{Demo}/services", new { id = "corte", name = "Corte", durationMinutes = 30, price = 1 });
        var unknown = await app.Platform.PutAsJsonAsync($"{Demo}/professionals/nadie", new { name = "Nadie" });
        var otherId = await app.Platform.PutAsJsonAsync($"{Demo}/professionals/carlos", new { id = "carla", name = "Carla" });
        var noBusiness = await app.Platform.GetAsync("/api/admin/businesses/nadie/services");

        Assert.Equal("id", (await exists.AssertProblemAsync(HttpStatusCode.Conflict)).Str("field"));
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await otherId.AssertInvalidAsync("id");
        await noBusiness.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Professionals_OwnHoursOrTheBusinesses()
    {
        await using var app = new AdminApiApp(azurite);

        var own = await app.Platform.PostJsonAsync($"{Demo}/professionals", new
        {
            id = "ana", name = "Ana Díaz", email = "ana@example.com", services = new[] { "corte" },
            hours = new { tuesday = new[] { "10:00-14:00", "15:00-19:00" } }, calendar = "ana@example.com",
            whatsAppNumber = "+5491155551234",
        });
        var inherits = await app.Platform.PostJsonAsync($"{Demo}/professionals", new { id = "beto", name = "Beto", services = new[] { "barba" } });

        var ana = await own.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["10:00-14:00", "15:00-19:00"], ana.GetProperty("hours").GetProperty("tuesday").EnumerateArray().Select(r => r.GetString()));
        Assert.False(ana.GetProperty("hours").TryGetProperty("monday", out _));
        Assert.Equal("ana@example.com", ana.Str("calendar"));
        Assert.Equal("+5491155551234", ana.Str("whatsAppNumber"));
        Assert.Equal(JsonValueKind.Null, (await inherits.JsonAsync(HttpStatusCode.Created)).GetProperty("hours").ValueKind);
        var snapshot = await app.App.Get<CatalogStore>().GetSnapshotAsync("demo");
        Assert.True(snapshot!.FindProfessional("ana")!.Hours.IsClosed(DayOfWeek.Monday));
        Assert.Equal("+5491155551234", snapshot.FindProfessional("ana")!.WhatsAppNumber);
        Assert.Null(snapshot.FindProfessional("beto")!.WhatsAppNumber);
        Assert.False(snapshot.FindProfessional("beto")!.Hours.IsClosed(DayOfWeek.Monday));
    }

    [Fact]
    public async Task DeleteService_RemovesItFromProfessionals_UnlessBooked()
    {
        await using var app = new AdminApiApp(azurite);
        await app.App.Get<BookingService>().BookAsync(Support.Demo.Request("coloracion", "lucia", Support.Demo.Tuesday10));

        var booked = await app.Platform.DeleteAsync($"{Demo}/services/coloracion");
        var free = await app.Platform.DeleteAsync($"{Demo}/services/barba");

        var problem = await booked.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, problem.GetProperty("appointmentIds").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, free.StatusCode);
        var snapshot = await app.App.Get<CatalogStore>().GetSnapshotAsync("demo");
        Assert.Null(snapshot!.FindService("barba"));
        Assert.DoesNotContain("barba", snapshot.FindProfessional("carlos")!.ServiceIds);
        Assert.Contains("coloracion", snapshot.FindProfessional("carlos")!.ServiceIds);
    }

    [Fact]
    public async Task Blocks_LocalTimes_AndDeletingAProfessionalTakesTheirs()
    {
        await using var app = new AdminApiApp(azurite);

        var holiday = await app.Platform.PostJsonAsync($"{Demo}/blocks", new { id = "navidad", date = "2026-12-25", reason = "Feriado" });
        var medico = await app.Platform.PostJsonAsync($"{Demo}/blocks", new { id = "sofia-medico", professional = "sofia", from = "2026-12-02T15:00", to = "2026-12-02T17:00" });

        var h = await holiday.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-12-25T00:00", h.Str("from"));
        Assert.Equal("2026-12-26T00:00", h.Str("to"));
        Assert.Equal(Support.Demo.At(2026, 12, 25, 0), h.GetProperty("fromUtc").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, h.GetProperty("professional").ValueKind);
        var m = await medico.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-12-02T15:00", m.Str("from"));

        // A block read back, edited, is a valid body for the same block (fromUtc and toUtc are ignored).
        var edited = JsonNode.Parse(m.GetRawText())!;
        edited["to"] = "2026-12-02T18:00";
        edited["reason"] = "Médico";
        var moved = await (await app.Platform.PutRawAsync($"{Demo}/blocks/sofia-medico", edited.ToJsonString())).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Médico", moved.Str("reason"));
        Assert.Equal(Support.Demo.At(2026, 12, 2, 18), moved.GetProperty("toUtc").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.NoContent, (await app.Platform.DeleteAsync($"{Demo}/professionals/sofia")).StatusCode);
        var blocks = await (await app.Platform.GetAsync($"{Demo}/blocks")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["navidad"], blocks.EnumerateArray().Select(b => b.Str("id")));
    }
}
