using System.Net;
using System.Text.Json;

namespace Turnos.LocalHost.Tests;

public sealed class HttpFunctionTests(SampleHostFactory factory) : IClassFixture<SampleHostFactory>
{
    readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Route_values_bind_by_name_and_an_OkObjectResult_is_written_as_MVC_writes_it()
    {
        var response = await client.GetAsync("/api/businesses/peluqueria");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"businessId":"peluqueria","greeting":"Hola, peluqueria"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Constrained_int_route_values_and_query_values_bind_and_a_ContentResult_keeps_its_content_type()
    {
        var response = await client.GetAsync("/api/businesses/clinica/slots/6?format=short");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("clinica day 7 as short", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProblemDetails_are_written_as_application_problem_json()
    {
        var id = Guid.NewGuid();
        var response = await client.GetAsync($"/api/missing/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Not found", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal($"No business {id:N}.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_catch_all_route_takes_the_rest_of_the_path_and_the_body_is_readable()
    {
        var response = await client.PutAsync("/api/echo/a/b/c", new StringContent("hola"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("PUT a/b/c: hola", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Without_a_route_a_function_is_served_at_its_name_for_every_method(string method)
    {
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/ping"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(method, response.Headers.GetValues("X-Pong").Single());
    }

    [Fact]
    public async Task Health_is_whatever_the_scanned_assembly_provides()
    {
        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok","source":"sample"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/businesses/peluqueria")]
    [InlineData("/api/businesses/clinica/slots/monday")]
    public async Task Unmapped_paths_and_values_that_fail_a_route_constraint_are_404(string path)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_method_the_function_does_not_accept_is_405_as_ASP_NET_Core_routing_answers()
    {
        var response = await client.PostAsync("/api/businesses/peluqueria", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task The_function_class_is_built_for_each_invocation()
    {
        var first = await client.GetStringAsync("/api/whoami");
        var second = await client.GetStringAsync("/api/whoami");

        Assert.NotEqual(first, second);
    }
    [Fact]
    public async Task A_path_the_assembly_moved_answers_308_to_the_same_place_below_the_new_one()
    {
        using var noRedirects = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var root = await noRedirects.GetAsync("/status?x=1");
        var below = await noRedirects.PostAsync("/status/ready", null);
        var elsewhere = await noRedirects.GetAsync("/statuses");

        Assert.Equal(HttpStatusCode.PermanentRedirect, root.StatusCode);
        Assert.Equal("/api/health/?x=1", root.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.PermanentRedirect, below.StatusCode);
        Assert.Equal("/api/health/ready", below.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}

/// <summary>LocalHost:RoutePrefix plays the part of host.json's extensions.http.routePrefix.</summary>
public sealed class RoutePrefixTests
{
    sealed class NoPrefixFactory : SampleHostFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("LocalHost:RoutePrefix", "");
        }
    }

    [Fact]
    public async Task An_empty_prefix_serves_functions_at_the_root()
    {
        await using var factory = new NoPrefixFactory();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/health")).StatusCode);
    }

}
