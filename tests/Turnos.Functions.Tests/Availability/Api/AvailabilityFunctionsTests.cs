using System.Net;
using Turnos.Functions.Admin;
using Turnos.Functions.Availability.Api;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Availability.Api;

/// <summary>The <c>Availability</c> and <c>WalkInAvailability</c> functions, called directly as the Functions host calls them: the answers through the local host's routes,
/// byte for byte, behind the same key check.</summary>
[Collection("Azurite")]
public sealed class AvailabilityFunctionsTests(AzuriteFixture azurite) : AvailabilityApiTests(azurite)
{
    private const string Query = "?fecha=2026-11-24&servicio_id=corte&solo_disponibles=false";

    [Theory]
    [InlineData(ApiRole.Owner)]
    [InlineData(ApiRole.Customer)]
    public async Task Availability_CalledDirectly_AnswersAsThroughTheLocalHost(ApiRole role)
    {
        await BookAsync("corte", "carlos", Demo.Tuesday10);
        var key = await KeyAsync(role);
        using var call = new FunctionCall(App.Services, "GET", Availability + Query, key);

        var answer = await call.AnswerAsync(call.Function<AvailabilityFunctions>().Availability(call.Request, default));

        var endpoint = await (await ClientWith(key).GetAsync(Availability + Query)).Content.ReadAsStringAsync();
        Assert.Equal(200, answer.Status);
        Assert.Equal("application/json; charset=utf-8", answer.ContentType);
        Assert.Equal(endpoint, answer.Body);
    }

    [Fact]
    public async Task WalkIn_CalledDirectly_AnswersAsThroughTheLocalHost()
    {
        var key = await KeyAsync(ApiRole.Employee);
        using var call = new FunctionCall(App.Services, "GET", WalkIn + "?servicio_id=corte", key);

        var answer = await call.AnswerAsync(call.Function<AvailabilityFunctions>().WalkIn(call.Request, default));

        var endpoint = await (await ClientWith(key).GetAsync(WalkIn + "?servicio_id=corte")).Content.ReadAsStringAsync();
        Assert.Equal(200, answer.Status);
        Assert.Equal(endpoint, answer.Body);
    }

    [Fact]
    public async Task NoKey_Is401_AKeyOfAnotherBusiness_FindsNoSuchBusiness()
    {
        using var anonymous = new FunctionCall(App.Services, "GET", Availability + Query);
        var missing = await anonymous.AnswerAsync(anonymous.Function<AvailabilityFunctions>().Availability(anonymous.Request, default));
        using var other = new FunctionCall(App.Services, "GET", WalkIn + "?servicio_id=corte&negocio=demo", await KeyAsync(ApiRole.Owner, "otro"));
        var elsewhere = await other.AnswerAsync(other.Function<AvailabilityFunctions>().WalkIn(other.Request, default));

        Assert.Equal(401, missing.Status);
        Assert.Equal("Bearer", missing.Headers.WWWAuthenticate.ToString());
        Assert.Equal(404, elsewhere.Status);
    }

    private async Task<string> KeyAsync(ApiRole role, string business = Demo.Id) =>
        (await App.Get<ApiKeyStore>().CreateAsync(role, role == ApiRole.Platform ? null : business, $"tests {role}", null, default)).Key;

    private HttpClient ClientWith(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }
}
