using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Admin.Access;

/// <summary>Who may manage which keys: owners their business's, platform admins every key, nobody else any.</summary>
[Collection("Azurite")]
public sealed class KeyManagementRightsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AnOwner_ManagesTheKeysOfItsBusinessOnly()
    {
        await using var app = new AccessApp(azurite);
        var ownerCreated = await app.CreateKeyAsync("owner", AccessApp.A);
        var owner = app.Client(ownerCreated.GetProperty("key").GetString());
        var bKey = await app.CreateKeyAsync("employee", AccessApp.B);

        var employee = await owner.PostAsJsonAsync($"/api/admin/businesses/{AccessApp.A}/keys", new { role = "employee", name = "Recepción" });
        Assert.Equal(HttpStatusCode.Created, employee.StatusCode);
        var employeeBody = await employee.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("no-store", employee.Headers.CacheControl?.ToString());
        var list = await owner.GetFromJsonAsync<JsonElement>($"/api/admin/businesses/{AccessApp.A}/keys");
        Assert.Equal(ownerCreated.GetProperty("id").GetString(),
            list.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "Recepción").GetProperty("createdBy").GetString());

        var platformKey = await owner.PostAsJsonAsync("/api/admin/keys", new { role = "platform", name = "me" });
        var platformHere = await owner.PostAsJsonAsync($"/api/admin/businesses/{AccessApp.A}/keys", new { role = "platform", name = "me" });
        var listAll = await owner.GetAsync("/api/admin/keys");
        var otherBusiness = await owner.PostAsJsonAsync($"/api/admin/businesses/{AccessApp.B}/keys", new { role = "owner", name = "me" });
        var theirKeyViaMine = await owner.DeleteAsync($"/api/admin/businesses/{AccessApp.A}/keys/{bKey.GetProperty("id").GetString()}");
        var theirKeyViaAny = await owner.DeleteAsync($"/api/admin/keys/{bKey.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.Forbidden, platformKey.StatusCode);
        Assert.Equal("application/problem+json", platformKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, platformHere.StatusCode);
        Assert.True((await platformHere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _));
        Assert.Equal(HttpStatusCode.Forbidden, listAll.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherBusiness.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirKeyViaMine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, theirKeyViaAny.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(bKey.GetProperty("key").GetString()).GetAsync($"/api/admin/businesses/{AccessApp.B}/calendar")).StatusCode);

        var revokeOwn = await owner.DeleteAsync($"/api/admin/businesses/{AccessApp.A}/keys/{employeeBody.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revokeOwn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/admin/businesses/{AccessApp.A}/keys/{employeeBody.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/admin/businesses/{AccessApp.A}/keys/aaaaaaaaaaaa")).StatusCode);
    }

    [Theory]
    [InlineData("employee")]
    [InlineData("bot")]
    [InlineData("customer")]
    public async Task OtherRoles_CannotManageKeysOrConnectCalendars(string role)
    {
        await using var app = new AccessApp(azurite);
        var client = app.Client(await app.KeyAsync(role, AccessApp.A));
        var victim = await app.CreateKeyAsync("owner", AccessApp.A);

        var responses = new[]
        {
            await client.PostAsJsonAsync($"/api/admin/businesses/{AccessApp.A}/keys", new { role = "employee", name = "x" }),
            await client.GetAsync($"/api/admin/businesses/{AccessApp.A}/keys"),
            await client.DeleteAsync($"/api/admin/businesses/{AccessApp.A}/keys/{victim.GetProperty("id").GetString()}"),
            await client.PostAsJsonAsync("/api/admin/keys", new { role = "platform", name = "x" }),
            await client.GetAsync("/api/admin/keys"),
            await client.PostAsync($"/api/admin/businesses/{AccessApp.A}/calendar/connect", null),
            await client.DeleteAsync($"/api/admin/businesses/{AccessApp.A}/calendar"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, (await app.Client(victim.GetProperty("key").GetString()).GetAsync($"/api/admin/businesses/{AccessApp.A}/keys")).StatusCode);
    }

    [Fact]
    public async Task PlatformKeys_AreMadeListedAndRevokedByPlatformAdmins()
    {
        await using var app = new AccessApp(azurite);
        var made = await app.Platform.PostAsJsonAsync("/api/admin/keys", new { role = "platform", name = "Soporte" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var body = await made.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("platform", body.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("businessId").ValueKind);
        var second = app.Client(body.GetProperty("key").GetString());
        var ownerOfB = await second.PostAsJsonAsync($"/api/admin/businesses/{AccessApp.B}/keys", new { role = "owner", name = "Dueño" });
        Assert.Equal(HttpStatusCode.Created, ownerOfB.StatusCode);

        var all = await second.GetFromJsonAsync<JsonElement>("/api/admin/keys");
        Assert.Equal(["owner", "platform"], all.EnumerateArray().Select(k => k.GetProperty("role").GetString()).Order());
        Assert.Equal(body.GetProperty("id").GetString(),
            all.EnumerateArray().Single(k => k.GetProperty("role").GetString() == "owner").GetProperty("createdBy").GetString());

        var ownerId = (await ownerOfB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"/api/admin/keys/{ownerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Platform.DeleteAsync($"/api/admin/keys/{body.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/admin/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Platform.DeleteAsync("/api/admin/keys/nosuchkey123")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Platform.DeleteAsync("/api/admin/keys/config")).StatusCode);
    }
}
