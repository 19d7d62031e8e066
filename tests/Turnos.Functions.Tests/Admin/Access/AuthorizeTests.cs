using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Turnos.Functions.Admin;
using Turnos.Functions.Hosting;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Access;

/// <summary>The access check as a function calls it in its own call path, and results handed to the worker as action
/// results.</summary>
[Collection("Azurite")]
public sealed class AuthorizeTests(AzuriteFixture azurite)
{
    private static readonly IReadOnlySet<ApiRole> OwnersAndPlatform = new HashSet<ApiRole> { ApiRole.Platform, ApiRole.Owner };

    private static HttpRequest Request(IServiceProvider services, string? key)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        if (key is not null) http.Request.Headers.Authorization = "Bearer " + key;
        return http.Request;
    }

    [Fact]
    public async Task Authorize_PlatformKey_GivesTheCaller()
    {
        await using var app = new TurnosFactory(azurite);

        var (caller, denied) = await ApiAccess.AuthorizeAsync(Request(app.Services, TurnosFactory.AdminKey), Demo.Id, [OwnersAndPlatform]);

        Assert.Null(denied);
        Assert.Equal(ApiRole.Platform, caller!.Role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tn_nope_nothing")]
    public async Task Authorize_NoOrUnknownKey_Is401WithTheBearerChallenge(string? key)
    {
        await using var app = new TurnosFactory(azurite);
        var request = Request(app.Services, key);

        var (caller, denied) = await ApiAccess.AuthorizeAsync(request, Demo.Id, [OwnersAndPlatform]);

        Assert.Null(caller);
        Assert.Equal(401, Assert.IsType<ProblemHttpResult>(denied).StatusCode);
        Assert.Equal("Bearer", request.HttpContext.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task Authorize_RoleNotInEverySet_Is403()
    {
        await using var app = new TurnosFactory(azurite);

        var (caller, denied) = await ApiAccess.AuthorizeAsync(Request(app.Services, TurnosFactory.AdminKey), null,
            [OwnersAndPlatform, new HashSet<ApiRole> { ApiRole.Owner }]);

        Assert.Null(caller);
        Assert.Equal(403, Assert.IsType<ProblemHttpResult>(denied).StatusCode);
    }

    [Fact]
    public async Task ResultAction_ExecutesTheResultAsTheWorkerWould()
    {
        await using var app = new TurnosFactory(azurite);
        var http = new DefaultHttpContext { RequestServices = app.Services };
        http.Response.Body = new MemoryStream();

        await Results.Json(new { saludo = "hola" }, statusCode: 201).ToActionResult()
            .ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        http.Response.Body.Position = 0;
        Assert.Equal(201, http.Response.StatusCode);
        Assert.StartsWith("application/json", http.Response.ContentType);
        Assert.Equal("""{"saludo":"hola"}""", await new StreamReader(http.Response.Body).ReadToEndAsync());
    }
}
