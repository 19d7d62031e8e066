using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Admin.Api;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Api;

/// <summary>
/// The OpenAPI document is checked in (<c>Admin/Api/openapi.json</c>), not generated: both hosts serve that file as
/// it is, and since nothing writes it for us, these tests keep it in step with the HTTP functions and well formed.
/// </summary>
[Collection("Azurite")]
public sealed partial class OpenApiDocumentTests(AzuriteFixture azurite)
{
    private static readonly string CheckedIn = Path.Combine(RepoPaths.Root, "src", "Turnos.Functions", "Admin", "Api", "openapi.json");

    [Fact]
    public async Task TheRouteAndADirectCall_ServeTheCheckedInFile()
    {
        await using var factory = new TurnosFactory(azurite);
        using var client = factory.CreateClient();
        var file = await File.ReadAllTextAsync(CheckedIn);

        var endpoint = await client.GetAsync(AdminApi.OpenApiPath);
        using var call = new FunctionCall(factory.Services, "GET", AdminApi.OpenApiPath);
        var function = await call.AnswerAsync(call.Function<OpenApiFunction>().Document(call.Request));

        Assert.Equal(HttpStatusCode.OK, endpoint.StatusCode);
        Assert.Equal("application/json", endpoint.Content.Headers.ContentType?.MediaType);
        Assert.Equal(file, await endpoint.Content.ReadAsStringAsync());
        Assert.Equal((200, "application/json; charset=utf-8", file), (function.Status, function.ContentType, function.Body));
    }

    [Fact]
    public void EveryHttpFunction_IsDocumented_WithItsMethods()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(CheckedIn));
        var paths = doc.RootElement.GetProperty("paths");
        var functions = typeof(AdminApi).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()?.Name,
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Name is not null && f.Trigger is not null).ToList();

        Assert.Contains(functions, f => f.Name == "OpenApi");
        foreach (var (name, trigger) in functions)
            foreach (var path in DocumentedPaths(trigger!.Route ?? name!))
                foreach (var method in trigger.Methods ?? [])
                    Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out _),
                        $"{method.ToUpperInvariant()} {path} (function {name}) is not in Admin/Api/openapi.json.");
    }

    [Fact]
    public void HandEdits_KeepTheDocumentWellFormed()
    {
        var text = File.ReadAllText(CheckedIn);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;

        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        Assert.False(root.TryGetProperty("servers", out _), "No servers: the document describes whichever host serves it.");
        var operations = root.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value).ToList();
        var ids = operations.Where(o => o.TryGetProperty("operationId", out _)).Select(o => o.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        var tags = root.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
        Assert.All(operations, o => Assert.All(o.GetProperty("tags").EnumerateArray(), t => Assert.Contains(t.GetString(), tags)));
        Assert.All(operations, o => Assert.NotEmpty(o.GetProperty("responses").EnumerateObject()));
        var schemas = root.GetProperty("components").GetProperty("schemas");
        foreach (Match reference in SchemaReference().Matches(text))
            Assert.True(schemas.TryGetProperty(reference.Groups["name"].Value, out _), $"{reference.Value} does not resolve.");
        // As written: two-space indentation, LF, one final newline (so edits diff cleanly).
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text);
        Assert.Contains("\n  \"paths\": {\n", text);
    }

    /// <summary>A function's route as the document writes it below <c>/api</c>: a parameter allowed only one value
    /// (<c>{adminArea:regex(^admin$)}</c>) is that value, constraints and catch-all marks go, and an optional last
    /// parameter gives the path with and without it.</summary>
    private static IEnumerable<string> DocumentedPaths(string route)
    {
        var path = "/api/" + RouteParameter().Replace(route, m =>
            m.Groups["literal"].Success ? m.Groups["literal"].Value : $"{{{m.Groups["name"].Value}}}");
        yield return path;
        if (route.EndsWith("?}", StringComparison.Ordinal)) yield return path[..path.LastIndexOf('/')];
    }

    [GeneratedRegex(@"\{\*?(?<name>\w+)(?::regex\(\^(?<literal>\w+)\$\))?(?::[^}?]+)?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("\"#/components/schemas/(?<name>[^\"]+)\"")]
    private static partial Regex SchemaReference();
}
