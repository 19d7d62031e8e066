using System.Net;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Admin.Api;

/// <summary>The business's <c>webChat.allowedOrigins</c> through the admin API: validated, normalised, shown.</summary>
[Collection("Azurite")]
public sealed class WebChatSettingsApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AllowedOrigins_AreNormalisedAndShown_AnInvalidOneNamesItsField_AbsentIsAnySite()
    {
        await using var app = new AdminApiApp(azurite);

        var demo = await (await app.Platform.GetAsync("/api/admin/businesses/demo")).JsonAsync(HttpStatusCode.OK);
        var created = await app.Platform.PostJsonAsync("/api/admin/businesses", new
        {
            id = "otra", name = "Otra", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS",
            webChat = new { allowedOrigins = new[] { "https://WWW.Otra.example/", "http://localhost:8080" } },
        });
        var invalid = await app.Platform.PostJsonAsync("/api/admin/businesses", new
        {
            id = "mala", name = "Mala", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS",
            webChat = new { allowedOrigins = new[] { "https://mala.example/reservas" } },
        });

        Assert.Equal(System.Text.Json.JsonValueKind.Null, demo.GetProperty("webChat").ValueKind);
        var origins = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("webChat").GetProperty("allowedOrigins");
        Assert.Equal(["https://www.otra.example", "http://localhost:8080"], origins.EnumerateArray().Select(o => o.GetString()));
        var problem = await invalid.AssertInvalidAsync("webChat.allowedOrigins[0]");
        Assert.Contains("is not a web origin", problem.GetProperty("errors").GetProperty("webChat.allowedOrigins[0]")[0].GetString());
    }
}
