using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Booking;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.LanguageModel;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Widget;

namespace Turnos.Functions.Tests.Widget;

/// <summary>What keeps the public widget endpoint in bounds: the business's allowed origins (CORS, preflights), the abuse
/// limits and the reply's time budget.</summary>
[Collection("Azurite")]
public sealed class WidgetGuardTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AllowedOrigins_AListedSiteGetsItsOriginEchoed_AnotherIsRefused_PreflightsToo()
    {
        await using var app = WidgetCalls.App(azurite, ["https://www.peluqueria.example", "http://localhost:8080"]);
        using var client = app.CreateClient();
        var conversation = WidgetCalls.NewConversation();

        var listed = await client.SendAsync(conversation, "Hola", "https://www.peluqueria.example");
        var listedPreflight = await client.PreflightAsync("http://localhost:8080");
        var otherPreflight = await client.PreflightAsync("https://copia.example");
        var other = await client.SendAsync(WidgetCalls.NewConversation(), "Hola", "https://copia.example");
        var otherInfo = new HttpRequestMessage(HttpMethod.Get, "/api/widget/demo") { Headers = { { "Origin", "https://copia.example" } } };
        var noOrigin = await client.SendAsync(WidgetCalls.NewConversation(), "Hola"); // not a browser's cross-site call

        Assert.Equal("https://www.peluqueria.example", listed.AllowedOrigin());
        Assert.Contains("Origin", listed.Headers.Vary);
        Assert.NotEmpty((await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, listedPreflight.StatusCode);
        Assert.Equal("http://localhost:8080", listedPreflight.AllowedOrigin());
        Assert.Equal("POST", listedPreflight.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("Content-Type", listedPreflight.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.Equal("600", listedPreflight.Headers.GetValues("Access-Control-Max-Age").Single());

        Assert.Equal(HttpStatusCode.Forbidden, otherPreflight.StatusCode);
        Assert.Null(otherPreflight.AllowedOrigin());
        Assert.Equal("Este chat no está habilitado en este sitio.", (await other.AssertProblemAsync(HttpStatusCode.Forbidden)).Str("detail"));
        Assert.Null(other.AllowedOrigin());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(otherInfo)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, noOrigin.StatusCode);
        // The refused site's message never reached a conversation.
        Assert.Empty(await app.Get<AppointmentStore>().ListAsync("demo", Demo.Tuesday10, Demo.Tuesday10.AddDays(1), default));
    }

    [Fact]
    public async Task NoAllowedOrigins_AnySiteMayEmbedIt()
    {
        await using var app = WidgetCalls.App(azurite);
        using var client = app.CreateClient();

        var preflight = await client.PreflightAsync("https://cualquier-sitio.example", "/api/widget/demo", "GET");
        var message = await client.SendAsync(WidgetCalls.NewConversation(), "Hola", "https://cualquier-sitio.example");

        Assert.Equal((HttpStatusCode.NoContent, "https://cualquier-sitio.example", "GET"),
            (preflight.StatusCode, preflight.AllowedOrigin(), preflight.Headers.GetValues("Access-Control-Allow-Methods").Single()));
        Assert.Equal((HttpStatusCode.OK, "https://cualquier-sitio.example"), (message.StatusCode, message.AllowedOrigin()));
    }

    [Fact]
    public async Task Limits_PerConversation_ThenPerClient_429InSpanish_WithRetryAfter_UntilTheWindowEnds()
    {
        await using var app = WidgetCalls.App(azurite, settings: new()
        {
            ["Widget:MessagesPerMinute"] = "2",
            ["Widget:IpMessagesPerMinute"] = "4",
            ["Widget:IpMessagesPerHour"] = "5",
        });
        using var client = app.CreateClient();
        var (first, second) = (WidgetCalls.NewConversation(), WidgetCalls.NewConversation());
        const string Site = "https://www.peluqueria.example";

        await client.SayAsync(first, "Hola");
        await client.SayAsync(first, "quiero un corte");
        var conversationLimit = await client.SendAsync(first, "mañana", Site);          // 3rd of this conversation this minute
        await client.SayAsync(second, "Hola");                                           // 4th of this client this minute
        var clientLimit = await client.SendAsync(second, "quiero un corte", Site);       // 5th
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var hourLimit = await client.SendAsync(second, "quiero un corte", Site);         // 6th this hour
        app.Clock.Advance(TimeSpan.FromHours(1));
        var later = await client.SendAsync(second, "quiero un corte", Site);

        var problem = await conversationLimit.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Enviaste muchos mensajes seguidos. Vuelve a intentarlo en 1 minuto.", problem.Str("detail"));
        Assert.Equal(TimeSpan.FromSeconds(60), conversationLimit.Headers.RetryAfter?.Delta);
        Assert.Equal(Site, conversationLimit.AllowedOrigin()); // the widget reads the text
        Assert.Equal("Retry-After", conversationLimit.Headers.GetValues("Access-Control-Expose-Headers").Single());
        await clientLimit.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Enviaste muchos mensajes seguidos. Vuelve a intentarlo en 59 minutos.",
            (await hourLimit.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Str("detail"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);

        // The sweeper drops the counters of ended windows, and only those.
        var table = app.Get<WidgetTables>().Limits;
        var before = table.Query<Azure.Data.Tables.TableEntity>().Count();
        var swept = await app.Services.GetServices<ISweepJob>().Single(j => j.Name == "widget-limits").RunAsync(default);
        Assert.Equal(before - 3, swept); // the message just sent counts in three windows that have not ended
        Assert.Equal(3, table.Query<Azure.Data.Tables.TableEntity>().Count());
    }

    [Fact]
    public async Task NoReplyInTime_504WithASpanishDetail()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        model.Respond = async context => { await Task.Delay(TimeSpan.FromSeconds(3)); await FakeChatCompletions.Reply(context, """{"intent":"other"}"""); };
        await using var app = WidgetCalls.App(azurite, settings: new()
        {
            ["Widget:TimeoutSeconds"] = "1",
            ["OpenAI:ApiKey"] = FakeChatCompletions.ApiKey,
            ["OpenAI:Endpoint"] = model.Endpoint.ToString(),
        });
        using var client = app.CreateClient();

        var late = await client.SendAsync(WidgetCalls.NewConversation(), "Hola");

        Assert.Equal("La respuesta está tardando más de lo normal. Intenta de nuevo en un momento.",
            (await late.AssertProblemAsync(HttpStatusCode.GatewayTimeout)).Str("detail"));
    }
}
