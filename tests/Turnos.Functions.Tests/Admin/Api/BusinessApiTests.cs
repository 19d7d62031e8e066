using System.Net;
using System.Net.Http.Json;
using Turnos.Core.Businesses;
using Turnos.Functions.Businesses;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Admin.Api;

[Collection("Azurite")]
public sealed class BusinessApiTests(AzuriteFixture azurite)
{
    private static readonly object Estudio = new
    {
        id = "estudio", name = "Estudio Norte", email = "hola@estudio.example", timeZone = "America/Argentina/Cordoba",
        whatsAppNumbers = new[] { "+14155550123" }, address = "Calle 1", currency = "ARS",
        policy = new { slotIntervalMinutes = 15, allowBookingWithoutEmail = true, remindersMinutesBefore = new[] { 60, 2880 } }, persona = new { botName = "Sol" },
        hours = new { monday = new[] { "10:00-18:00" } },
    };

    [Fact]
    public async Task Create_Get_List_RoundTrip()
    {
        await using var app = new AdminApiApp(azurite);

        var created = await app.Platform.PostJsonAsync("/api/admin/businesses", Estudio);

        var body = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/admin/businesses/estudio", created.Headers.Location?.OriginalString);
        Assert.Equal("Estudio Norte", body.Str("name"));
        var got = await (await app.Platform.GetAsync("/api/admin/businesses/estudio")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("hola@estudio.example", got.Str("email"));
        Assert.Equal("America/Argentina/Cordoba", got.Str("timeZone"));
        Assert.Equal(["+14155550123"], got.GetProperty("whatsAppNumbers").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(15, got.GetProperty("policy").GetProperty("slotIntervalMinutes").GetInt32());
        Assert.Equal(60, got.GetProperty("policy").GetProperty("minimumNoticeMinutes").GetInt32()); // the default
        Assert.True(got.GetProperty("policy").GetProperty("allowBookingWithoutEmail").GetBoolean());
        Assert.Equal([2880, 60], got.GetProperty("policy").GetProperty("remindersMinutesBefore").EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal("Sol", got.GetProperty("persona").Str("botName"));
        Assert.Equal("10:00-18:00", got.GetProperty("hours").GetProperty("monday")[0].GetString());
        Assert.Equal(0, got.GetProperty("services").GetArrayLength());
        Assert.Equal("estudio", await app.App.Get<CatalogStore>().FindBusinessByWhatsAppAsync("+14155550123"));

        var list = await (await app.Platform.GetAsync("/api/admin/businesses")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["consultora", "demo", "estudio"], list.EnumerateArray().Select(b => b.Str("id")));
    }

    [Fact]
    public async Task Get_Demo_HasTheWholeCatalog()
    {
        await using var app = new AdminApiApp(azurite);

        var demo = await (await app.Platform.GetAsync("/api/admin/businesses/demo")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(6, demo.GetProperty("services").GetArrayLength());
        Assert.Equal((123, "asesoria"), (demo.GetProperty("externalId").GetInt64(), demo.Str("chatService")));
        var carlos = demo.GetProperty("professionals")[0];
        Assert.Equal("carlos", carlos.Str("id"));
        Assert.Equal(4, carlos.GetProperty("services").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, carlos.GetProperty("hours").ValueKind); // works the business's hours
        Assert.Equal("09:00-19:00", demo.GetProperty("hours").GetProperty("friday")[0].GetString());
        Assert.Equal(0, demo.GetProperty("blocks").GetArrayLength());
    }

    [Fact]
    public async Task Create_ExistingIdOrTakenNumber_Conflict()
    {
        await using var app = new AdminApiApp(azurite);

        var sameId = await app.Platform.PostJsonAsync("/api/admin/businesses",
            new { id = "demo", name = "Otra", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS" });
        var takenNumber = await app.Platform.PostJsonAsync("/api/admin/businesses",
            new { id = "otra", name = "Otra", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS", whatsAppNumbers = new[] { "+14155238886" } });

        Assert.Equal("id", (await sameId.AssertProblemAsync(HttpStatusCode.Conflict)).Str("field"));
        var problem = await takenNumber.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("whatsAppNumbers[0]", problem.Str("field"));
        Assert.Equal("demo", problem.Str("businessId"));
        Assert.Contains("'demo'", problem.Str("detail"));
        Assert.Equal(404, (int)(await app.Platform.GetAsync("/api/admin/businesses/otra")).StatusCode);
    }

    [Fact]
    public async Task ExternalId_TakenByAnother_Conflict_AndTheDemoIs123()
    {
        await using var app = new AdminApiApp(azurite);

        var demo = await (await app.Platform.GetAsync("/api/admin/businesses/demo")).JsonAsync(HttpStatusCode.OK);
        var taken = await app.Platform.PostJsonAsync("/api/admin/businesses",
            new { id = "otra", name = "Otra", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS", externalId = 123 });
        var free = await app.Platform.PostJsonAsync("/api/admin/businesses",
            new { id = "otra", name = "Otra", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS", externalId = 789 });
        var invalid = await app.Platform.PostJsonAsync("/api/admin/businesses",
            new { id = "mala", name = "Mala", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS", externalId = 0 });

        Assert.Equal(123, demo.GetProperty("externalId").GetInt64());
        var problem = await taken.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("externalId", "demo"), (problem.Str("field"), problem.Str("businessId")));
        Assert.Equal(789, (await free.JsonAsync(HttpStatusCode.Created)).GetProperty("externalId").GetInt64());
        Assert.Equal("otra", await app.App.Get<Turnos.Functions.Businesses.CatalogStore>().FindBusinessByExternalIdAsync(789));
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_Invalid_NamesEveryField()
    {
        await using var app = new AdminApiApp(azurite);

        var response = await app.Platform.PostJsonAsync("/api/admin/businesses", new
        {
            id = "Mi Negocio", email = "no-es-mail", timeZone = "Mars/Olympus", currency = "pesos",
            whatsAppNumbers = new[] { "12345" }, policy = new { slotIntervalMinutes = 20, remindersMinutesBefore = new[] { 120, 0 } },
            hours = new { monday = new[] { "9-19" } },
            professionals = new[] { new { id = "ana", name = "Ana", services = new[] { "nada" } } },
        });

        var problem = await response.AssertInvalidAsync("id", "name", "email", "timeZone", "currency", "whatsAppNumbers[0]",
            "policy.slotIntervalMinutes", "policy.remindersMinutesBefore[1]", "hours.monday[0]", "professionals[0].services[0]");
        Assert.Contains("is required", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"name\": ", "body")]
    [InlineData("{\"id\": \"x\", \"policy\": { \"slotIntervalMinutes\": \"quince\" } }", "policy.slotIntervalMinutes")]
    [InlineData("[1, 2]", "body")]
    [InlineData("", "body")]
    public async Task Create_MalformedJson_400ProblemNamingTheField(string json, string field)
    {
        await using var app = new AdminApiApp(azurite);

        var response = await app.Platform.PostRawAsync("/api/admin/businesses", json);

        await response.AssertInvalidAsync(field);
    }

    [Fact]
    public async Task Put_ChangesSettings_KeepsCatalog_AndSurvivesTheSeedAtRestart()
    {
        await using var app = new AdminApiApp(azurite);
        var demo = await (await app.Platform.GetAsync("/api/admin/businesses/demo")).JsonAsync(HttpStatusCode.OK);

        var response = await app.Platform.PutAsJsonAsync("/api/admin/businesses/demo", new
        {
            name = "Peluquería Centro", email = "centro@example.com", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS",
            whatsAppNumbers = new[] { "+14155238886", "+14155550999" }, policy = new { slotIntervalMinutes = 15, minimumNoticeMinutes = 30 },
            hours = new { monday = new[] { "10:00-14:00" } },
            services = Array.Empty<object>(), // lists are not settings: ignored
        });

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Peluquería Centro", body.Str("name"));
        Assert.Equal(demo.GetProperty("services").GetArrayLength(), body.GetProperty("services").GetArrayLength());
        var snapshot = await app.App.Get<CatalogStore>().GetSnapshotAsync("demo");
        Assert.Equal([new WorkingRange(600, 840)], snapshot!.FindProfessional("carlos")!.Hours.For(DayOfWeek.Monday)); // inherited
        Assert.Equal("demo", await app.App.Get<CatalogStore>().FindBusinessByWhatsAppAsync("+14155550999"));

        await app.App.Get<SeedLoader>().LoadAsync(RepoPaths.DemoSeed, default); // what the next start does
        var after = await (await app.Platform.GetAsync("/api/admin/businesses/demo")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Peluquería Centro", after.Str("name"));
    }

    [Fact]
    public async Task Put_InvalidOrOtherIdOrUnknown()
    {
        await using var app = new AdminApiApp(azurite);

        var invalid = await app.Platform.PutAsJsonAsync("/api/admin/businesses/demo", new { name = "", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS", policy = new { bufferAfterMinutes = 7 } });
        var otherId = await app.Platform.PutAsJsonAsync("/api/admin/businesses/demo", new { id = "otro", name = "X", timeZone = "UTC", currency = "ARS" });
        var unknown = await app.Platform.PutAsJsonAsync("/api/admin/businesses/nadie", new { name = "X", timeZone = "UTC", currency = "ARS" });
        var unknownGet = await app.Platform.GetAsync("/api/admin/businesses/nadie");

        await invalid.AssertInvalidAsync("name", "policy.bufferAfterMinutes");
        await otherId.AssertInvalidAsync("id");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknownGet.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Languages_EnglishPersona_AndAliases_AreSettings()
    {
        await using var app = new AdminApiApp(azurite);
        var demo = await (await app.Platform.GetAsync("/api/admin/businesses/demo")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["es", "en"], demo.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["haircut", "hair cut"], demo.GetProperty("services")[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.StartsWith("Thanks for writing to {business}!", demo.GetProperty("persona").GetProperty("en").Str("farewell"));

        var response = await app.Platform.PutAsJsonAsync("/api/admin/businesses/demo", new
        {
            name = "Peluquería Demo", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS", languages = new[] { "en", "es" },
            persona = new { botName = "Luna", en = new { greeting = "Hi! I'm {bot} from {business}." } },
        });
        var wrong = await app.Platform.PutAsJsonAsync("/api/admin/businesses/demo", new
        {
            name = "Peluquería Demo", timeZone = "America/Argentina/Buenos_Aires", currency = "ARS", languages = new[] { "es", "fr", "es" },
        });
        var sharedAlias = await app.Platform.PostJsonAsync("/api/admin/businesses/demo/services",
            new { id = "secado", name = "Secado", durationMinutes = 15, price = 1000, aliases = new[] { "Haircut" } });

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["en", "es"], body.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Hi! I'm {bot} from {business}.", body.GetProperty("persona").GetProperty("en").Str("greeting"));
        Assert.Equal([Language.En, Language.Es], (await app.App.Get<CatalogStore>().GetSnapshotAsync("demo"))!.Business.Languages);
        await wrong.AssertInvalidAsync("languages[1]", "languages[2]");
        await sharedAlias.AssertInvalidAsync("aliases[0]");
    }
}
