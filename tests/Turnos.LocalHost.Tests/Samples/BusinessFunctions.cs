using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Turnos.LocalHost.Tests.Samples;

/// <summary>A service the sample functions get from DI through their constructors.</summary>
public sealed class Greeter
{
    public string Greet(string name) => $"Hola, {name}";
}

public sealed record BusinessView(string BusinessId, string Greeting);

/// <summary>HTTP functions as the real app will write them: HttpRequest in, IActionResult out.</summary>
public sealed class BusinessFunctions(Greeter greeter)
{
    readonly Guid instance = Guid.NewGuid();

    /// <summary>Which instance of this class served the call: the host builds one per invocation.</summary>
    [Function("WhoAmI")]
    public IActionResult WhoAmI([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "whoami")] HttpRequest request) =>
        new OkObjectResult(instance);

    [Function("GetBusiness")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "businesses/{businessId}")] HttpRequest request, string businessId) =>
        new OkObjectResult(new BusinessView(businessId, greeter.Greet(businessId)));

    [Function("GetSlots")]
    public IActionResult Slots(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "businesses/{businessId}/slots/{day:int}")] HttpRequest request,
        string businessId, int day, string? format, CancellationToken cancellationToken) =>
        new ContentResult { Content = $"{businessId} day {day + 1} as {format ?? "text"}", ContentType = "text/plain; charset=utf-8", StatusCode = 200 };

    [Function("GetMissing")]
    public static IActionResult Missing([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "missing/{id:guid}")] HttpRequest request, Guid id) =>
        new ObjectResult(new ProblemDetails { Title = "Not found", Status = 404, Detail = $"No business {id:N}." }) { StatusCode = 404 };

    [Function("Echo")]
    public static async Task<IActionResult> Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", Route = "echo/{*path}")] HttpRequest request, string? path)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        return new ContentResult { Content = $"{request.Method} {path}: {body}", ContentType = "text/plain", StatusCode = 201 };
    }

    /// <summary>No route: the Functions host serves it at its name, for every method.</summary>
    [Function("Ping")]
    public static Task Ping([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest request)
    {
        request.HttpContext.Response.Headers["X-Pong"] = request.Method;
        return Task.CompletedTask;
    }

    [Function("Health")]
    public static IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok", source = "sample" });
}
