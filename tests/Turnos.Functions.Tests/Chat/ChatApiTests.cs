using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Turnos.Functions.Admin;
using Turnos.Functions.Booking;
using Turnos.Functions.Chat;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.LanguageModel;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Chat;

/// <summary><c>POST /api/chat</c> as the source system's gateway calls it, on the demo business (<c>id_empresa</c> 123).</summary>
[Collection("Azurite")]
public sealed class ChatApiTests(AzuriteFixture azurite)
{
    private static async Task<(TurnosFactory App, HttpClient Bot)> StartAsync(AzuriteFixture azurite, Dictionary<string, string?>? settings = null)
    {
        var app = new TurnosFactory(azurite, settings: settings);
        var (_, key) = await app.Get<ApiKeyStore>().CreateAsync(ApiRole.Bot, "demo", "gateway", createdBy: null, default);
        var bot = app.CreateClient();
        bot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (app, bot);
    }

    private static object Body(string message, long session = 1001, object? config = null) =>
        new { message, session_id = session, context = new { config = config ?? new { id_empresa = 123 } } };

    private static async Task<string> ReplyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("reply").GetString()!;
    }

    private static async Task<string> SayAsync(HttpClient bot, string message, long session = 1001, object? config = null) =>
        await ReplyAsync(await bot.PostAsJsonAsync("/api/chat", Body(message, session, config)));

    [Fact]
    public async Task TheSourceSystemsErrors_WordForWord_InsideA200()
    {
        var (app, bot) = await StartAsync(azurite);
        await using var _ = app;

        Assert.Equal("Error de configuración: Context missing required keys in config: ['id_empresa']",
            await ReplyAsync(await bot.PostAsJsonAsync("/api/chat", new { message = "hola", session_id = 1, context = new { config = new { nombre_bot = "Mara" } } })));
        Assert.Equal("Error de configuración: Context missing required keys in config: ['id_empresa']",
            await ReplyAsync(await bot.PostAsJsonAsync("/api/chat", new { message = "hola", session_id = 1 })));
        Assert.Equal("No recibí tu mensaje. ¿Podrías repetirlo?", await SayAsync(bot, "   "));
        Assert.Equal("Error de configuración: no hay ninguna empresa con id_empresa 999 en Turnos.",
            await SayAsync(bot, "hola", config: new { id_empresa = 999 }));
    }

    [Fact]
    public async Task WhatTheGatewayNeverSends_400WithProblemDetails_AndNoKey401()
    {
        var (app, bot) = await StartAsync(azurite);
        await using var _ = app;
        using var stranger = app.CreateClient();

        var notJson = await bot.PostAsync("/api/chat", new StringContent("message=hola", Encoding.UTF8, "application/json"));
        var textSession = await bot.PostAsJsonAsync("/api/chat", new { message = "hola", session_id = "1001", context = new { config = new { id_empresa = 123 } } });
        var noKey = await stranger.PostAsJsonAsync("/api/chat", Body("hola"));

        Assert.Contains("JSON", (await notJson.AssertProblemAsync(HttpStatusCode.BadRequest)).Str("detail"));
        Assert.Contains("session_id", (await textSession.AssertProblemAsync(HttpStatusCode.BadRequest)).Str("detail"));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task ADialogue_BooksAnAppointment_OnTheSessionsOwnConversation()
    {
        var (app, bot) = await StartAsync(azurite);
        await using var _ = app;

        var first = await SayAsync(bot, "Hola, quiero agendar un corte", config: new { id_empresa = 123, nombre_bot = "Mara" });
        var replies = new List<string> { first };
        replies.Add(await SayAsync(bot, "Para mañana a las 3pm"));
        replies.Add(await SayAsync(bot, "Juan Pérez, juan.perez@email.com"));
        if (!replies[^1].StartsWith("¡Listo!", StringComparison.Ordinal)) replies.Add(await SayAsync(bot, "sí"));

        Assert.Contains("Mara", first);
        Assert.StartsWith("¡Listo! Tu turno quedó reservado", replies[^1]);
        var booked = Assert.Single(await app.Get<AppointmentStore>().ListAsync("demo", Demo.Tuesday10, Demo.Tuesday10.AddDays(1), default));
        Assert.Equal(("Juan Pérez", "juan.perez@email.com", ChatChannel.Address(1001)), (booked.Customer.Name, booked.Customer.Email, booked.Customer.Phone));
        Assert.Equal(Demo.Tuesday10.AddHours(5), booked.StartUtc);
        Assert.DoesNotContain("Mara", await SayAsync(bot, "hola", session: 2002)); // the persona was that request's, another session is the business's

        // The source system's metric names, for its gateway's dashboards.
        using var platform = app.CreateClient();
        platform.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TurnosFactory.AdminKey);
        var metrics = await (await platform.GetAsync("/api/metrics")).Content.ReadAsStringAsync();
        Assert.Contains($"agent_citas_chat_requests_total{{empresa_id=\"123\"}} {replies.Count + 1}", metrics);
        Assert.Contains("agent_citas_booking_success_total 1", metrics);
        Assert.Contains("agent_citas_tool_calls_total{tool_name=\"create_booking\"} 1", metrics);
        Assert.Contains("agent_citas_tool_calls_total{tool_name=\"check_availability\"}", metrics);
        Assert.Contains($"agent_citas_chat_response_duration_seconds_count {replies.Count + 1}", metrics);
        Assert.Matches("agent_citas_info\\{agent_type=\"citas\",model=\"rules\",version=\"[0-9.]+\"\\} 1", metrics);
    }

    [Fact]
    public async Task TheConfigsLengthIntervalAndProfessional_AreHowItBooks()
    {
        var (app, bot) = await StartAsync(azurite);
        await using var _ = app;
        var config = new { id_empresa = 123, duracion_cita_minutos = 60, slots = 60, correo_usuario = "LUCIA@peluqueria-demo.example", agendar_usuario = 1 };

        var reply = await SayAsync(bot, "Hola, quiero un corte mañana a las 3pm, soy Ana Gómez, ana@example.com", session: 5005, config: config);
        for (var i = 0; i < 2 && !reply.StartsWith("¡Listo!", StringComparison.Ordinal); i++) reply = await SayAsync(bot, "sí", session: 5005, config: config);

        Assert.StartsWith("¡Listo! Tu turno quedó reservado", reply);
        var booked = Assert.Single(await app.Get<AppointmentStore>().ListAsync("demo", Demo.Tuesday10, Demo.Tuesday10.AddDays(1), default));
        Assert.Equal(("lucia", TimeSpan.FromMinutes(60)), (booked.ProfessionalId, booked.EndUtc - booked.StartUtc)); // Corte is 30 in the catalog
    }

    [Fact]
    public async Task TwoCallsOfOneSessionAtOnce_EachGetsItsOwnReply()
    {
        var (app, bot) = await StartAsync(azurite);
        await using var _ = app;

        var replies = await Task.WhenAll(SayAsync(bot, "hola", session: 3003), SayAsync(bot, "quiero un corte", session: 3003));

        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.NotEqual(replies[0], replies[1]);
    }

    [Fact]
    public async Task NoReplyWithinTheBudget_TheSourceSystemsTimeoutText()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        model.Respond = async context => { await Task.Delay(TimeSpan.FromSeconds(3)); await FakeChatCompletions.Reply(context, """{"intent":"other"}"""); };
        var (app, bot) = await StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Chat:TimeoutSeconds"] = "1",
            ["OpenAI:ApiKey"] = FakeChatCompletions.ApiKey,
            ["OpenAI:Endpoint"] = model.Endpoint.ToString(),
        });
        await using var _ = app;

        Assert.Equal("La solicitud tardó más de 1s. Por favor, intenta de nuevo.", await SayAsync(bot, "hola"));
    }

    [Fact]
    public async Task AKeyInXApiKey_IsAcceptedToo()
    {
        var (app, bot) = await StartAsync(azurite);
        await using var _ = app;
        using var gateway = app.CreateClient();
        gateway.DefaultRequestHeaders.Add("X-Api-Key", bot.DefaultRequestHeaders.Authorization!.Parameter);

        Assert.False(string.IsNullOrWhiteSpace(await SayAsync(gateway, "hola", session: 4004)));
    }
}
