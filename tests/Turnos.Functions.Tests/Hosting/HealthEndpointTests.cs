using System.Net;
using System.Net.Http.Json;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Hosting;

[Collection("Azurite")]
public sealed class HealthEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetHealth_StorageReachable_Returns200()
    {
        await using var app = new TurnosFactory(azurite);

        var response = await app.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("ok", body!["status"].ToString());
        Assert.Equal("citas", body["agent"].ToString()); // the source system's shape, for its gateway
        Assert.Matches(@"^\d+\.\d+\.\d+", body["version"].ToString());
    }

    [Fact]
    public async Task GetUnknownRoute_Returns404()
    {
        await using var app = new TurnosFactory(azurite);

        // No function has the route: the host answers, as the Functions host does, with a bare 404.
        var response = await app.CreateClient().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
