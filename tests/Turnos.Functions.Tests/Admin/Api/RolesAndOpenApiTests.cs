using System.Net;
using System.Net.Http.Json;
using Turnos.Functions.Admin;
using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Functions.Tests.Admin.Api.AppointmentApiTests;

namespace Turnos.Functions.Tests.Admin.Api;

[Collection("Azurite")]
public sealed class RolesAndOpenApiTests(AzuriteFixture azurite)
{
    private const string Demo = "/api/admin/businesses/demo";
    private static readonly object Salon = new { id = "salon", name = "Salón", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS" };

    [Fact]
    public async Task Employee_ReadsAndBooks_ButDoesNotEditTheCatalog()
    {
        await using var app = new AdminApiApp(azurite);
        var employee = await app.ClientAsync(ApiRole.Employee, "demo");

        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync(Demo)).StatusCode);
        var booked = await (await employee.PostJsonAsync($"{Demo}/appointments", NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await employee.PostAsync($"{Demo}/appointments/{booked.Str("id")}/cancel", null)).StatusCode);

        await (await employee.PostJsonAsync($"{Demo}/services", new { id = "lavado", name = "Lavado", durationMinutes = 15, price = 1 }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.PutAsJsonAsync($"{Demo}/services/corte", new { name = "Corte", durationMinutes = 30, price = 1 }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.DeleteAsync($"{Demo}/blocks/x")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.PutAsJsonAsync(Demo, new { name = "X", timeZone = "UTC", currency = "ARS" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.PostJsonAsync("/api/admin/businesses", Salon)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Owner_EditsTheirCatalog_SeesOnlyTheirBusiness_CreatesNone()
    {
        await using var app = new AdminApiApp(azurite);
        await (await app.Platform.PostJsonAsync("/api/admin/businesses", Salon)).JsonAsync(HttpStatusCode.Created);
        var owner = await app.ClientAsync(ApiRole.Owner, "demo");

        var list = await (await owner.GetAsync("/api/admin/businesses")).JsonAsync(HttpStatusCode.OK);
        var added = await owner.PostJsonAsync($"{Demo}/services", new { id = "lavado", name = "Lavado", durationMinutes = 15, price = 1 });
        var other = await owner.GetAsync("/api/admin/businesses/salon/services");
        var create = await owner.PostJsonAsync("/api/admin/businesses", new { id = "otro", name = "Otro", timeZone = "UTC", currency = "ARS" });

        Assert.Equal(["demo"], list.EnumerateArray().Select(b => b.Str("id")));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await other.AssertProblemAsync(HttpStatusCode.NotFound);
        await create.AssertProblemAsync(HttpStatusCode.Forbidden);
        var all = await (await app.Platform.GetAsync("/api/admin/businesses")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["consultora", "demo", "salon"], all.EnumerateArray().Select(b => b.Str("id")));
    }

    [Fact]
    public async Task NoKey_401()
    {
        await using var app = new AdminApiApp(azurite);

        await (await app.Client(null).GetAsync("/api/admin/businesses")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.Client("wrong-key-0123456789").PostRawAsync($"{Demo}/services", "{not json")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheAdminEndpoints()
    {
        await using var app = new AdminApiApp(azurite);

        var doc = await (await app.Client(null).GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);

        Assert.StartsWith("3.", doc.Str("openapi"));
        var paths = doc.GetProperty("paths");
        string[] expected =
        [
            "/api/admin/businesses", "/api/admin/businesses/{businessId}",
            "/api/admin/businesses/{businessId}/services", "/api/admin/businesses/{businessId}/services/{itemId}",
            "/api/admin/businesses/{businessId}/professionals/{itemId}", "/api/admin/businesses/{businessId}/blocks/{itemId}",
            "/api/admin/businesses/{businessId}/appointments", "/api/admin/businesses/{businessId}/appointments/{appointmentId}/cancel",
            "/api/admin/businesses/{businessId}/appointments/{appointmentId}/reschedule",
            "/api/admin/businesses/{businessId}/customers/{phone}", "/api/admin/businesses/{businessId}/conversations",
        ];
        foreach (var path in expected) Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        var create = paths.GetProperty("/api/admin/businesses/{businessId}/appointments").GetProperty("post");
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(create.TryGetProperty("security", out _));
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").Str("scheme"));
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("AppointmentView", out _));
        Assert.True(schemas.TryGetProperty("BusinessDocument", out _));
    }
}
