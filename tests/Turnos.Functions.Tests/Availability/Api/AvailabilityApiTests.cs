using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Functions.Admin;
using Turnos.Functions.Businesses;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Availability.Api;

/// <summary>The app with its demo business, keys of any role, and JSON answers read as the contract's clients read them.</summary>
public abstract class AvailabilityApiTests(AzuriteFixture azurite) : AppTests(azurite)
{
    protected const string Availability = "/api/v1/disponibilidad";
    protected const string WalkIn = "/api/v1/citas/disponibilidad-inmediata";

    /// <summary>A client holding a fresh key of the role (platform keys have no business).</summary>
    protected async Task<HttpClient> ClientAsync(ApiRole role, string business = Demo.Id)
    {
        var (_, key) = await App.Get<ApiKeyStore>().CreateAsync(role, role == ApiRole.Platform ? null : business, $"tests {role}", null, default);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A 200 answer's <c>data</c>, after checking the envelope.</summary>
    protected static async Task<JsonElement> DataAsync(HttpClient client, string url)
    {
        var (status, body) = await GetAsync(client, url);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status} {body}");
        Assert.Equal(["success", "data"], Names(body));
        Assert.True(body.GetProperty("success").GetBoolean());
        return body.GetProperty("data");
    }

    protected static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    protected static JsonElement Professional(JsonElement date, string id) =>
        date.GetProperty("profesionales").EnumerateArray().Single(p => p.GetProperty("profesional_id").GetString() == id);

    protected static JsonElement Slot(JsonElement professional, string hora) =>
        professional.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("hora").GetString() == hora);

    protected static string[] Horas(JsonElement professional) =>
        [.. professional.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("hora").GetString()!)];

    protected async Task<Appointment> BookAsync(string service, string professional, DateTimeOffset startUtc, int customer = 1) =>
        Assert.IsType<BookingResult.Booked>(await Booking.BookAsync(Demo.Request(service, professional, startUtc, customer))).Appointment;

    /// <summary>Adds a block to the demo catalog (through the store, which forgets its cached copy).</summary>
    protected async Task AddBlockAsync(Block block)
    {
        var catalog = App.Get<CatalogStore>();
        var s = (await catalog.GetSnapshotAsync(Demo.Id))!;
        await catalog.SaveAsync(new BusinessSnapshot(s.Business, s.Services, s.Professionals, [.. s.Blocks, block]));
    }
}
