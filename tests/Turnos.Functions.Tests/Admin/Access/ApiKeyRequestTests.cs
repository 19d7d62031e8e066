using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Access;

[Collection("Azurite")]
public sealed class ApiKeyRequestTests(AzuriteFixture azurite)
{
    private const string Keys = $"/api/admin/businesses/{AccessApp.A}/keys";

    [Fact]
    public async Task InvalidKeyRequests_Are400NamingTheField()
    {
        await using var app = new AccessApp(azurite);
        var cases = new (string Path, string Json, string Field)[]
        {
            (Keys, """{ "name": "Recepción" }""", "role"),
            (Keys, """{ "role": "jefe", "name": "Recepción" }""", "role"),
            (Keys, """{ "role": "1", "name": "Recepción" }""", "role"),
            (Keys, """{ "role": "platform", "name": "Recepción" }""", "role"),
            (Keys, """{ "role": "employee" }""", "name"),
            (Keys, """{ "role": "employee", "name": "   " }""", "name"),
            (Keys, $$"""{ "role": "employee", "name": "{{new string('n', 101)}}" }""", "name"),
            (Keys, "{}", "role"),
            ("/api/admin/keys", """{ "role": "owner", "name": "x" }""", "role"),
            ("/api/admin/keys", "{}", "name"),
        };
        foreach (var (path, json, field) in cases)
        {
            var response = await app.Platform.PostAsync(path, Json(json));

            Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{path} {json}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{json}: {problem}");
        }
    }

    // Development throws BadHttpRequestException for an unreadable body; Production sets 400 without a body.
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task MalformedBodies_Are400ProblemDetails(string environment)
    {
        await using var app = new AccessApp(azurite, environment);
        foreach (var json in new[] { "{ \"role\": ", "not json", """{ "role": 5, "name": "x" }""", "[1, 2]", "" })
        foreach (var path in new[] { Keys, "/api/admin/keys" })
        {
            var response = await app.Platform.PostAsync(path, Json(json));

            Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{path} '{json}': {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AStrangersMalformedBody_Is401NotABadRequest()
    {
        await using var app = new AccessApp(azurite);
        var response = await app.Client(null).PostAsync(Keys, Json("{ broken"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RolesOnTheWire_AreLowercaseNames()
    {
        await using var app = new AccessApp(azurite);
        var created = await app.Platform.PostAsync(Keys, Json("""{ "role": "Employee", "name": "Caja" }"""));
        var listed = await app.Platform.GetStringAsync(Keys);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"role\":\"employee\"", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"role\":\"employee\"", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingOrUnknownKeys_Are401ProblemDetails()
    {
        await using var app = new AccessApp(azurite);
        var headers = new string?[]
        {
            null, "Bearer", "Bearer ", "Basic dGVzdDp0ZXN0", "Bearer local-admin-key", TurnosFactory.AdminKey,
            "Bearer tn_aaaaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer tn_AAAA/../keys_x",
            "Bearer " + TurnosFactory.AdminKey + "x",
        };
        foreach (var authorization in headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Keys);
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            var response = await app.Client(null).SendAsync(request);

            Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"'{authorization}': {response.StatusCode}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Send an API key as 'Authorization: Bearer <key>' (or 'X-Api-Key: <key>').", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task AWrongSecretForARealKeyId_Is401()
    {
        await using var app = new AccessApp(azurite);
        var key = await app.KeyAsync("owner", AccessApp.A);
        var wrong = key[..16] + new string('A', 43);

        Assert.Equal(HttpStatusCode.OK, (await app.Client(key).GetAsync(Keys)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(wrong).GetAsync(Keys)).StatusCode);
    }

    [Fact]
    public async Task TheConfiguredKey_IsAPlatformKey()
    {
        await using var app = new AccessApp(azurite);
        var client = app.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", TurnosFactory.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/admin/businesses/{AccessApp.B}/keys")).StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
