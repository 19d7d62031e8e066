using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Turnos.Functions.Admin;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.LanguageModel;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Photos;

/// <summary>Image links in a <c>POST /api/chat</c> message (the source system's vision input, at most 10 per message), through
/// the whole app and the fake Chat Completions server.</summary>
[Collection("Azurite")]
public sealed class ChatPhotoTests(AzuriteFixture azurite)
{
    /// <summary>The seed document's vision example, word for word.</summary>
    private const string SeedExample = "¿Pueden replicar este diseño? https://ejemplo.com/foto.jpg Para el viernes";

    private static async Task<(TurnosFactory App, HttpClient Bot)> StartAsync(AzuriteFixture azurite, FakeChatCompletions? model = null,
        bool photos = true)
    {
        var app = new TurnosFactory(azurite, settings: model is null ? null : new Dictionary<string, string?>
        {
            ["OpenAI:ApiKey"] = FakeChatCompletions.ApiKey,
            ["OpenAI:Endpoint"] = model.Endpoint.ToString(),
            ["OpenAI:Photos"] = photos ? "true" : "false",
        });
        var (_, key) = await app.Get<ApiKeyStore>().CreateAsync(ApiRole.Bot, "demo", "gateway", createdBy: null, default);
        var bot = app.CreateClient();
        bot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (app, bot);
    }

    private static async Task<string> SayAsync(HttpClient bot, string message, long session = 2001)
    {
        var response = await bot.PostAsJsonAsync("/api/chat", new { message, session_id = session, context = new { config = new { id_empresa = 123 } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString()!;
    }

    [Fact]
    public async Task TheSeedsExample_GivesTheModelTheLink_AndTheWordsWithoutIt()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        model.Respond = context => FakeChatCompletions.Reply(context,
            """{"intent":"book","service_id":"manicura","date":"2026-11-27","photo_summary":"un diseño de uñas francesas con flores"}""");
        var (app, bot) = await StartAsync(azurite, model);
        await using var _ = app;

        var reply = await SayAsync(bot, SeedExample);

        Assert.Contains("📸 ¡Gracias por la foto! Veo un diseño de uñas francesas con flores.", reply);
        Assert.Contains("viernes", reply);
        Assert.Empty(model.Violations);
        var request = Assert.Single(model.Requests);
        Assert.Equal(("https://ejemplo.com/foto.jpg", "low"), Assert.Single(FakeChatCompletions.Images(request)));
        Assert.EndsWith("Customer message:\n¿Pueden replicar este diseño? Para el viernes", FakeChatCompletions.Text(request));
    }

    [Fact]
    public async Task MoreThanTenLinks_TheFirstTenGo_AndTheReplySaysSo()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        model.Respond = context => FakeChatCompletions.Reply(context, """{"intent":"other","photo_summary":"varios cortes de pelo cortos"}""");
        var (app, bot) = await StartAsync(azurite, model);
        await using var _ = app;
        var links = Enumerable.Range(1, 12).Select(i => $"https://fotos.example.com/cortes/{i}.png?token=abc{i}").ToList();

        var reply = await SayAsync(bot, "¿cuál me queda mejor? " + string.Join(' ', links));

        Assert.Contains("📸 ¡Gracias por las fotos! Veo varios cortes de pelo cortos. Solo puedo mirar 10 fotos por mensaje, así que miré las primeras 10.",
            reply);
        Assert.Equal(links.Take(10), FakeChatCompletions.Images(Assert.Single(model.Requests)).Select(i => i.Url));
    }

    [Fact]
    public async Task AModelThatCannotReadPhotos_FallsBackToAPerson()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        model.Respond = context => FakeChatCompletions.Error(context, 400, "Invalid content type. image_url is only supported by certain models.");
        var (app, bot) = await StartAsync(azurite, model);
        await using var _ = app;

        var reply = await SayAsync(bot, SeedExample);

        Assert.Contains("📸 ¡Gracias por la foto! Una persona del equipo de *Peluquería Demo* la va a revisar.", reply);
        Assert.Single(FakeChatCompletions.Images(Assert.Single(model.Requests)));
    }

    [Fact]
    public async Task PhotosTurnedOff_TheModelReadsTheWordsOnly_AndAPersonLooks()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        var (app, bot) = await StartAsync(azurite, model, photos: false);
        await using var _ = app;

        var reply = await SayAsync(bot, SeedExample);

        Assert.Contains("Una persona del equipo de *Peluquería Demo* la va a revisar.", reply);
        var request = Assert.Single(model.Requests);
        Assert.Empty(FakeChatCompletions.Images(request));
        Assert.Null(request["response_format"]!["json_schema"]!["schema"]!["properties"]!["photo_summary"]);
    }

    [Fact]
    public async Task WithoutAModel_APersonWillLook_TheSessionIsFlagged_AndTheBookingGoesOn()
    {
        var (app, bot) = await StartAsync(azurite);
        await using var _ = app;

        var reply = await SayAsync(bot, "quiero un corte el martes, así https://ejemplo.com/corte.webp");

        Assert.Contains("📸 ¡Gracias por la foto! Una persona del equipo de *Peluquería Demo* la va a revisar.", reply);
        Assert.Contains("martes", reply);
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TurnosFactory.AdminKey);
        Assert.Equal(("chat:2001", 1), Assert.Single(await WhatsAppPhotoTests.WaitingForAPersonAsync(admin)));
        // The person sees it by its link, which is public; the API's photo address leads there too.
        var photo = (await (await admin.GetAsync("/api/admin/businesses/demo/conversations?handoff=true")).JsonAsync(HttpStatusCode.OK))[0]
            .GetProperty("photos").EnumerateArray().Single();
        Assert.Equal(("https://ejemplo.com/corte.webp", "image/webp"), (photo.Str("link"), photo.Str("contentType")));
        using var noRedirects = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        noRedirects.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var redirect = await noRedirects.GetAsync($"/api/admin/businesses/demo/conversations/chat%3A2001/photos/{photo.Str("id")}");
        Assert.Equal((HttpStatusCode.Redirect, "https://ejemplo.com/corte.webp"), (redirect.StatusCode, redirect.Headers.Location?.ToString()));
    }
}
