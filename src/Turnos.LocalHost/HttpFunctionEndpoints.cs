using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Turnos.LocalHost;

/// <summary>Maps every HTTP-triggered function to its route below the route prefix.</summary>
public static class HttpFunctionEndpoints
{
    /// <summary>
    /// Maps each HTTP function of the <see cref="FunctionCatalog"/> to <c>/{RoutePrefix}/{Route}</c> (its function
    /// name when it has no route) for its methods (all when it names none), as the Functions host does. Access levels
    /// are not enforced, as under <c>func start</c>: functions check access in their own call path (DESIGN.md §3).
    /// </summary>
    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        var prefix = endpoints.ServiceProvider.GetRequiredService<IOptions<LocalHostOptions>>().Value.RoutePrefix;
        foreach (var fn in catalog.OfKind(TriggerKind.Http))
        {
            var trigger = (HttpTriggerAttribute)fn.Trigger;
            var pattern = RoutePattern(prefix, trigger.Route ?? fn.Name);
            RequestDelegate handler = context => InvokeAsync(fn, context);
            var endpoint = trigger.Methods is { Length: > 0 } methods
                ? endpoints.MapMethods(pattern, methods.Select(m => m.ToUpperInvariant()), handler)
                : endpoints.Map(pattern, handler);
            endpoint.WithDisplayName($"Function {fn.Name}");
        }
        return endpoints;
    }

    internal static string RoutePattern(string? prefix, string route) =>
        "/" + string.Join('/', new[] { prefix?.Trim('/'), route.Trim('/') }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>
    /// Executes what the function returns instead of handing it to minimal APIs, which would serialise an
    /// <see cref="IActionResult"/> as a JSON object: run through MVC's executors, results are written exactly as the
    /// worker's ASP.NET Core integration writes them.
    /// </summary>
    static async Task InvokeAsync(FunctionDescriptor fn, HttpContext context)
    {
        var result = await FunctionInvoker.InvokeAsync(fn, context.RequestServices, ParameterBinding.BindHttp(fn, context));
        switch (result)
        {
            case null:
                return;
            case IResult minimal:
                await minimal.ExecuteAsync(context);
                return;
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                return;
            default:
                await new ObjectResult(result).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                return;
        }
    }
}
