using System.Net;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.LanguageModel;
using Turnos.Functions.Tests.Observability;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;
using Turnos.Functions.Tests.WhatsApp.Outbound;

namespace Turnos.Functions.Tests.Photos;

/// <summary>Photos and other media sent on WhatsApp, through the whole app: Twilio's media read with the account's
/// credentials (a fake that requires them and redirects once to a signed link), the fake Chat Completions server, Azurite.</summary>
[Collection("Azurite")]
public sealed class WhatsAppPhotoTests(AzuriteFixture azurite)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];

    private static Dictionary<string, string?> WithModel(FakeChatCompletions model) => new()
    {
        ["OpenAI:ApiKey"] = FakeChatCompletions.ApiKey,
        ["OpenAI:Endpoint"] = model.Endpoint.ToString(),
    };

    private static Dictionary<string, string> Form(string body, params (string Url, string Type)[] media)
    {
        var form = WhatsAppApp.Form(body);
        form["NumMedia"] = media.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < media.Length; i++) (form[$"MediaUrl{i}"], form[$"MediaContentType{i}"]) = media[i];
        return form;
    }

    /// <summary>The conversations flagged for a person, as the admin API lists them: phone (or chat address) and photos nobody looked at.</summary>
    internal static async Task<IReadOnlyList<(string Phone, int Photos)>> WaitingForAPersonAsync(HttpClient admin) =>
        [.. (await (await admin.GetAsync("/api/admin/businesses/demo/conversations?handoff=true")).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().Select(c => (c.Str("phone"), c.GetProperty("photosForPerson").GetInt32()))];

    private static Task<IReadOnlyList<(string Phone, int Photos)>> WaitingForAPersonAsync(ObservedApp app) =>
        WaitingForAPersonAsync(app.Keyed(TurnosFactory.AdminKey));

    [Fact]
    public async Task APhoto_WithAModel_IsReadWithTheAccountsCredentials_SentAsData_AndAcknowledged()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        model.Respond = context => FakeChatCompletions.Reply(context,
            """{"intent":"book","service_id":"corte","date":"2026-11-24","photo_summary":"Un corte *bob* en capas."}""");
        await using var app = await ObservedApp.StartAsync(azurite, WithModel(model));
        var url = await app.Twilio.AddMediaAsync("image/jpeg", Jpeg);

        var replies = await app.ExchangeAsync(Form("¿me pueden hacer este corte el martes?", (url, "image/jpeg")));

        Assert.Contains("📸 ¡Gracias por la foto! Veo un corte bob en capas.", replies);
        Assert.DoesNotContain(replies, r => r.Contains("Una persona", StringComparison.Ordinal));
        Assert.Empty(model.Violations);
        var request = Assert.Single(model.Requests);
        var image = Assert.Single(FakeChatCompletions.Images(request));
        Assert.Equal(("data:image/jpeg;base64," + Convert.ToBase64String(Jpeg), "low"), image);
        Assert.Contains("Photos: the customer sent a photo", FakeChatCompletions.Text(request));
        Assert.NotNull(request["response_format"]!["json_schema"]!["schema"]!["properties"]!["photo_summary"]);
        // Credentials to Twilio's API once; the signed link it redirected to got none.
        Assert.Equal(1, app.Twilio.MediaRequests);
        Assert.Equal([null], app.Twilio.CdnAuthorizations);
        Assert.Empty(await WaitingForAPersonAsync(app));
        var leaks = app.Logs.Entries.Where(e => e.Level >= LogLevel.Information)
            .Where(e => e.Everything.Contains(FakeTwilioMessages.CdnSignature, StringComparison.Ordinal)
                || e.Everything.Contains("/Media/", StringComparison.Ordinal) || e.Everything.Contains("/media/", StringComparison.Ordinal))
            .Select(e => e.Everything).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task APhotoAlone_WithoutAModel_GoesToAPerson_FlagsTheConversation_AndIsNeverRead()
    {
        await using var app = await ObservedApp.StartAsync(azurite);
        var url = await app.Twilio.AddMediaAsync("image/jpeg", Jpeg);

        var replies = await app.ExchangeAsync(Form("", (url, "image/jpeg")));

        Assert.Contains("📸 ¡Gracias por la foto! Una persona del equipo de *Peluquería Demo* la va a revisar. Mientras tanto, sigamos por aquí.", replies);
        Assert.DoesNotContain(replies, r => r.Contains("solo puedo leer mensajes de texto", StringComparison.Ordinal));
        Assert.Equal(0, app.Twilio.MediaRequests);
        Assert.Equal((WhatsAppApp.Customer, 1), Assert.Single(await WaitingForAPersonAsync(app)));

        // Not a hand-over: the assistant goes on booking.
        var next = string.Join("\n", await app.ExchangeAsync(WhatsAppApp.Form("quiero un corte el martes")));
        Assert.Contains("martes", next, StringComparison.OrdinalIgnoreCase);

        // The person of the business sees the photo through the API, which reads it from Twilio with the account's
        // credentials; once attended, it is no longer kept.
        using var admin = app.Keyed(TurnosFactory.AdminKey);
        var conversations = "/api/admin/businesses/demo/conversations";
        var kept = (await (await admin.GetAsync($"{conversations}?handoff=true")).JsonAsync(HttpStatusCode.OK))[0].GetProperty("photos").EnumerateArray().Single();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, kept.GetProperty("link").ValueKind); // never Twilio's URL
        var customer = Uri.EscapeDataString(WhatsAppApp.Customer);
        var photo = await admin.GetAsync($"{conversations}/{customer}/photos/{kept.Str("id")}");
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (photo.StatusCode, photo.Content.Headers.ContentType?.MediaType));
        Assert.Equal(Jpeg, await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, app.Twilio.MediaRequests);
        await (await admin.GetAsync($"{conversations}/{customer}/photos/000000000000")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{conversations}/{customer}/handoff")).StatusCode);
        await (await admin.GetAsync($"{conversations}/{customer}/photos/{kept.Str("id")}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task APhotoOnAnotherAccount_IsNeverRequested_AndGoesToAPerson()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        await using var app = await ObservedApp.StartAsync(azurite, WithModel(model));
        var foreign = await app.Twilio.AddMediaAsync("image/jpeg", Jpeg, accountSid: "AC" + new string('9', 32));

        var replies = await app.ExchangeAsync(Form("mira este corte", (foreign, "image/jpeg")));

        Assert.Contains(replies, r => r.StartsWith("📸 ¡Gracias por la foto! Una persona del equipo", StringComparison.Ordinal));
        Assert.Equal(0, app.Twilio.MediaRequests);
        // The words still went to the model, without the photo.
        Assert.Empty(FakeChatCompletions.Images(Assert.Single(model.Requests)));
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not this account's Twilio media URL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AVoiceNote_AsksForText_WithoutReadingIt()
    {
        await using var model = await FakeChatCompletions.StartAsync();
        await using var app = await ObservedApp.StartAsync(azurite, WithModel(model));
        var url = await app.Twilio.AddMediaAsync("audio/ogg", [1, 2, 3]);

        var replies = await app.ExchangeAsync(Form("", (url, "audio/ogg")));

        Assert.Contains("Por ahora no puedo escuchar audios 🙏 ¿Me lo escribes, por favor?", replies);
        Assert.Equal(0, app.Twilio.MediaRequests);
        Assert.Empty(model.Requests);
        Assert.Equal(1, app.Metrics.Sum("turnos.understanding.calls", "source=rules"));
        Assert.Empty(await WaitingForAPersonAsync(app));
    }
}
