using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Turnos.Functions.Admin;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Api;

/// <summary>The app on Azurite with the demo business, and clients that speak to /api/admin with a key.</summary>
internal sealed class AdminApiApp : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    public AdminApiApp(AzuriteFixture azurite)
    {
        App = new TurnosFactory(azurite);
        Platform = Client(TurnosFactory.AdminKey);
    }

    public TurnosFactory App { get; }

    /// <summary>The configured platform key's client.</summary>
    public HttpClient Platform { get; }

    public HttpClient Client(string? key)
    {
        var client = App.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _clients.Add(client);
        return client;
    }

    /// <summary>A client whose key has <paramref name="role"/> in <paramref name="businessId"/>.</summary>
    public async Task<HttpClient> ClientAsync(ApiRole role, string businessId)
    {
        var (_, key) = await App.Get<ApiKeyStore>().CreateAsync(role, businessId, $"{role} test key", createdBy: null, default);
        return Client(key);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await App.DisposeAsync();
    }
}

internal static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a 400 ProblemDetails whose <c>errors</c> name every one of <paramref name="fields"/>.</summary>
    public static async Task<JsonElement> AssertInvalidAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var field in fields) Assert.True(named.Contains(field), $"'{field}' not among [{string.Join(", ", named)}]");
        return problem;
    }

    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.JsonAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
