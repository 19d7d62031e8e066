using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Admin.WebConsole;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.WebConsole;

/// <summary>The <c>Console</c> function (<c>/api/console/{*file}</c>), called directly: the same files and headers as
/// the routes, and the bare root sent to the slash its relative asset URLs need.</summary>
public sealed class ConsoleFunctionTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    [Theory]
    [InlineData("/api/console", "/api/console/")]
    [InlineData("/api/console?k=1", "/api/console/?k=1")]
    public async Task BareRoot_RedirectsToTheSlash_KeepingTheQuery(string path, string location)
    {
        using var call = new FunctionCall(Services, "GET", path);

        var answer = await call.AnswerAsync(call.Function<ConsoleFunction>().Serve(call.Request, null));

        Assert.Equal(302, answer.Status);
        Assert.Equal(location, answer.Headers.Location.ToString());
    }

    [Theory]
    [InlineData("/api/console/", null, "index.html")]
    [InlineData("/api/console/app.js", "app.js", "app.js")]
    [InlineData("/api/console/console.css", "console.css", "console.css")]
    public async Task Files_AreServedWithTheirTypeETagAndPolicy(string path, string? file, string name)
    {
        using var call = new FunctionCall(Services, "GET", path);

        var answer = await call.AnswerAsync(call.Function<ConsoleFunction>().Serve(call.Request, file));

        var asset = AdminConsoleHandlers.Assets.Get(name);
        Assert.Equal(200, answer.Status);
        Assert.Equal(asset.Text, answer.Body);
        Assert.Equal(asset.ContentType, answer.ContentType);
        Assert.Equal(asset.ETag, answer.Headers.ETag.ToString());
        Assert.Contains("frame-ancestors 'none'", answer.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task UnknownFile_Is404()
    {
        using var call = new FunctionCall(Services, "GET", "/api/console/js/app.js");

        var answer = await call.AnswerAsync(call.Function<ConsoleFunction>().Serve(call.Request, "js/app.js"));

        Assert.Equal(404, answer.Status);
    }
}
