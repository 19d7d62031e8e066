using Turnos.Functions.Calendar.GoogleApi;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

/// <summary>The <c>StartGoogleConnect</c> and <c>GoogleCallback</c> functions, called directly: the shareable link leads
/// to Google, Google's redirect connects the calendar, and a bad or unconfigured link gets its page.</summary>
[Collection("Azurite")]
public sealed class ConnectFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ShareableLink_LeadsToGoogle_AndTheCallbackConnects()
    {
        await using var app = await GoogleApp.StartAsync(azurite);
        var link = new Uri((await app.ConnectLinkAsync(Demo.Id)).GetProperty("shareableLink").GetString()!);

        using var start = new FunctionCall(app.Factory.Services, "GET", link.PathAndQuery);
        var toGoogle = await start.AnswerAsync(start.Function<ConnectFunctions>().Start(start.Request, default));
        Assert.Equal(302, toGoogle.Status);
        var callback = await app.ConsentAsync(toGoogle.Headers.Location.ToString(), "peluqueria.demo@gmail.com");
        Assert.Equal(GoogleOptions.CallbackPath, callback.AbsolutePath);
        using var back = new FunctionCall(app.Factory.Services, "GET", callback.PathAndQuery);
        var page = await back.AnswerAsync(back.Function<ConnectFunctions>().Callback(back.Request, default));

        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.ContentType);
        Assert.Contains("Listo", page.Body);
        Assert.True((await app.StatusAsync(Demo.Id)).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task ForgedLink_AndDeniedConsent_GetTheirPages()
    {
        await using var app = await GoogleApp.StartAsync(azurite);

        using var start = new FunctionCall(app.Factory.Services, "GET", CalendarConnector.StartPath + "?state=not-a-state");
        var forged = await start.AnswerAsync(start.Function<ConnectFunctions>().Start(start.Request, default));
        using var back = new FunctionCall(app.Factory.Services, "GET", GoogleOptions.CallbackPath + "?error=access_denied&state=x");
        var denied = await back.AnswerAsync(back.Function<ConnectFunctions>().Callback(back.Request, default));

        Assert.Equal(400, forged.Status);
        Assert.Contains("Este enlace no es válido", forged.Body);
        Assert.Equal(400, denied.Status);
        Assert.Empty(app.Vault.RefreshTokens);
    }

    [Fact]
    public async Task WithoutAGoogleClient_BothSayNotConfigured()
    {
        await using var app = await GoogleApp.StartAsync(azurite, new Dictionary<string, string?> { ["Google:ClientId"] = "", ["Google:ClientSecret"] = "" });

        using var start = new FunctionCall(app.Factory.Services, "GET", CalendarConnector.StartPath + "?state=x");
        var link = await start.AnswerAsync(start.Function<ConnectFunctions>().Start(start.Request, default));
        using var back = new FunctionCall(app.Factory.Services, "GET", GoogleOptions.CallbackPath + "?code=x&state=y");
        var callback = await back.AnswerAsync(back.Function<ConnectFunctions>().Callback(back.Request, default));

        Assert.Equal((503, 503), (link.Status, callback.Status));
        Assert.Contains("no está disponible", callback.Body);
    }
}
