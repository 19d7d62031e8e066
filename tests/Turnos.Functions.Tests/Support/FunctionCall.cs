using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Turnos.Functions.Tests.Support;

/// <summary>What an HTTP function answered, once its <see cref="IActionResult"/> was executed.</summary>
public sealed record FunctionAnswer(int Status, IHeaderDictionary Headers, string ContentType, string Body);

/// <summary>
/// Calls an HTTP function's method directly, as a host would before the app runs under one: the function class built
/// from the app's services, a request of its own, and the answer executed as the worker's ASP.NET Core integration does.
/// </summary>
public sealed class FunctionCall : IDisposable
{
    private readonly IServiceScope _scope;

    public FunctionCall(IServiceProvider services, string method, string pathAndQuery, string? bearer = null,
        string? body = null, string contentType = "application/json")
    {
        _scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = _scope.ServiceProvider };
        var query = pathAndQuery.IndexOf('?');
        http.Request.Method = method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        if (bearer is not null) http.Request.Headers.Authorization = "Bearer " + bearer;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = contentType;
        }
        http.Response.Body = new MemoryStream();
        Http = http;
    }

    public HttpContext Http { get; }

    public HttpRequest Request => Http.Request;

    /// <summary>A function class as the worker builds it: constructor injection from the app's services.</summary>
    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider);

    public async Task<FunctionAnswer> AnswerAsync(Task<IActionResult> invocation) => await AnswerAsync(await invocation);

    public async Task<FunctionAnswer> AnswerAsync(IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(Http, new RouteData(), new ActionDescriptor()));
        Http.Response.Body.Position = 0;
        var body = await new StreamReader(Http.Response.Body, Encoding.UTF8).ReadToEndAsync();
        return new FunctionAnswer(Http.Response.StatusCode, Http.Response.Headers, Http.Response.ContentType ?? "", body);
    }

    public void Dispose() => _scope.Dispose();
}
