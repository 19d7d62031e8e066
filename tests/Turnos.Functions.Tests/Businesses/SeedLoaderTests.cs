using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Businesses;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Businesses;

[Collection("Azurite")]
public sealed class SeedLoaderTests(AzuriteFixture azurite)
{
    [Fact]
    public void Parse_DemoSeed_IsTheDocumentedDemoBusiness()
    {
        var seeded = SeedLoader.Parse(File.ReadAllText(RepoPaths.DemoSeed), "demo.json");
        Assert.Equal(["demo", "consultora"], seeded.Select(s => s.Snapshot.Business.Id));
        var (snapshot, _) = seeded[0];

        var b = snapshot.Business;
        Assert.Equal(("demo", "Peluquería Demo", "America/Argentina/Buenos_Aires", "ARS"), (b.Id, b.Name, b.TimeZoneId, b.Currency));
        Assert.Equal(["+14155238886"], b.WhatsAppNumbers);
        Assert.Equal((30, 60, 60), (b.Policy.SlotIntervalMinutes, b.Policy.MinimumNoticeMinutes, b.Policy.MaximumHorizonDays));
        Assert.Equal(["Corte de cabello 30 5000", "Coloración 90 18000", "Manicura 45 7000", "Barba 20 3000", "Peinado 45 6000",
            "Asesoría de imagen 30 4000"],
            snapshot.Services.Select(s => $"{s.Name} {s.DurationMinutes} {s.Price}"));
        Assert.Equal(["carlos", "lucia"], snapshot.ProfessionalsFor("corte").Select(p => p.Id));
        Assert.Equal(["lucia", "sofia"], snapshot.ProfessionalsFor("manicura").Select(p => p.Id));
        Assert.Equal(["Carlos Ramírez", "Lucía Fernández", "Sofía Gómez"], snapshot.Professionals.Select(p => p.Name));
        var hours = snapshot.FindProfessional("sofia")!.Hours;
        Assert.Equal("09:00-19:00", Assert.Single(hours.For(DayOfWeek.Friday)).ToString());
        Assert.Equal("09:00-13:00", Assert.Single(hours.For(DayOfWeek.Saturday)).ToString());
        Assert.True(hours.IsClosed(DayOfWeek.Sunday));
        Assert.Equal((123L, "asesoria"), (b.ExternalId, b.ChatServiceId)); // id_empresa of the source system's examples

        // Example 7 of the source system's API reference is another company: a consultancy that meets by video call.
        var consultora = seeded[1].Snapshot;
        Assert.Equal((456L, "reunion", "PEN", true), (consultora.Business.ExternalId, consultora.Business.ChatServiceId, consultora.Business.Currency,
            consultora.Business.MeetLinks));
        Assert.Equal("asesor@miempresa.com", Assert.Single(consultora.Professionals).Email);
    }

    public static TheoryData<string, string> BadSeeds => new()
    {
        { """{"businesses":[{"id":"x","name":"X","timeZone":"Mars/Olympus","currency":"ARS"}]}""", "businesses[0] (x).timeZone: 'Mars/Olympus' is not a known IANA time zone" },
        { Business("""{"id":"ana","name":"Ana","services":["corte"],"hours":{"monday":["9-19"]}}"""), "businesses[0] (x).professionals[0] (ana).hours.monday[0]: '9-19' is not a range" },
        { Business("""{"id":"ana","name":"Ana","services":["pelo"]}"""), "businesses[0] (x).professionals[0] (ana).services[0]: 'pelo' is not a service" },
        { Business("""{"id":"ana","name":"Ana","services":["corte"],"hours":{"monday":["09:00-13:00","12:00-18:00"]}}"""), "businesses[0] (x).professionals[0] (ana).hours.monday: ranges 09:00-13:00 and 12:00-18:00 overlap" },
        { """{"businesses":[{"id":"x","name":"X","timeZone":"UTC","currency":"ARS","policy":{"slotIntervalMinutes":20}}]}""", "businesses[0] (x).policy.slotIntervalMinutes: must be 15, 30 or 60" },
        { """{"businesses":[{"id":"x","name":"X","timeZone":"UTC","currency":"ARS","services":[{"id":"c","name":"C","durationMinutes":33,"price":1}]}]}""", "businesses[0] (x).services[0] (c).durationMinutes" },
        { """{"businesses":[{"id":"x","name":"X","timeZone":"UTC","currency":"ARS","whatsAppNumbers":["+1415"]},{"id":"y","name":"Y","timeZone":"UTC","currency":"ARS"}]}""", "businesses[0] (x).whatsAppNumbers[0]: '+1415' is not an E.164 number" },
        { """{"businesses":[{"id":"x","name":"X","timeZone":"UTC","currency":"ARS","whatsAppNumbers":["+14155550000"]},{"id":"y","name":"Y","timeZone":"UTC","currency":"ARS","whatsAppNumbers":["+14155550000"]}]}""", "businesses[1] (y).whatsAppNumbers: +14155550000 already belongs to business 'x'" },
        { """{"businesses":[{"id":"x","name":"X","timeZone":"UTC","currency":"ARS","blocks":[{"id":"b","from":"2026-12-24T13:00","to":"2026-12-24T12:00"}]}]}""", "businesses[0] (x).blocks[0] (b).to: must be after 'from'" },
        { """{"businesses":[{"id":"X Y","name":"","timeZone":"UTC","currency":"pesos"}]}""", "businesses[0] (X Y).name: is required" },
        { """{"businesses":[{"id":"x",}""", "is not valid JSON (line 1" },
        { """{"businesses":[]}""", "'businesses' is missing or empty" },
        { """{"businesses":[{"id":"a","name":"A","timeZone":"UTC","currency":"ARS","externalId":7},{"id":"b","name":"B","timeZone":"UTC","currency":"ARS","externalId":7}]}""", "businesses[1] (b).externalId: 7 already belongs to business 'a'" },
        { """{"businesses":[{"id":"a","name":"A","timeZone":"UTC","currency":"ARS","externalId":-1}]}""", "businesses[0] (a).externalId: must be a positive whole number" },
        { """{"businesses":[{"id":"x","name":"X","timeZone":"UTC","currency":"ARS","policy":{"bufferAfterMinutes":10},"hours":{"friday":["20:00-02:00"],"saturday":["02:05-06:00"]}}]}""", "businesses[0] (x).hours.friday: range 20:00-02:00 (with 10 minutes of buffers) runs into the next day's first range 02:05-06:00" },
    };

    [Theory, MemberData(nameof(BadSeeds))]
    public void Parse_InvalidSeed_NamesTheFileTheItemAndTheField(string json, string expected)
    {
        var error = Assert.Throws<SeedDataException>(() => SeedLoader.Parse(json, "seed/bad.json"));

        Assert.StartsWith("Seed file 'seed/bad.json'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Start_WithAnInvalidSeedFile_FailsWithTheProblemAndStoresNothing()
    {
        var path = WriteSeed(Business("""{"id":"ana","name":"Ana","services":["pelo"]}"""));
        var prefix = "s" + Guid.NewGuid().ToString("N")[..12];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Turnos:SeedFile"] = path,
        });
        builder.AddTurnos();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<SeedDataException>(() => app.StartAsync());

        Assert.Contains(path, error.Message);
        Assert.Contains("professionals[0] (ana).services[0]", error.Message);
        var tables = new TurnosTables(new TableServiceClient(azurite.ConnectionString), prefix);
        Assert.Empty(await new CatalogStore(tables).ListBusinessIdsAsync());
    }

    [Fact]
    public async Task LoadAsync_SameFileAgain_WritesNothing_ChangedFile_ReplacesTheCatalog()
    {
        var path = WriteSeed(Business("""{"id":"ana","name":"Ana","services":["corte","tinte"]}""",
            """,{"id":"tinte","name":"Tinte","durationMinutes":60,"price":10}"""));
        await using var app = new TurnosFactory(azurite, seedFile: path);
        var catalog = app.Get<CatalogStore>();
        var loader = app.Get<SeedLoader>();
        var tables = app.Get<TurnosTables>();
        async Task<string> ETags() => string.Join(",", await tables.Catalog.QueryAsync<TableEntity>($"PartitionKey eq 'x'").Select(r => r.ETag).ToListAsync());

        var before = await ETags();
        await loader.LoadAsync(path, default);
        Assert.Equal(before, await ETags());

        File.WriteAllText(path, Business("""{"id":"ana","name":"Ana María","services":["corte"]}"""));
        await loader.LoadAsync(path, default);

        var snapshot = await catalog.GetSnapshotAsync("x");
        Assert.Equal(["corte"], snapshot!.Services.Select(s => s.Id));
        Assert.Equal("Ana María", Assert.Single(snapshot.Professionals).Name);
    }

    [Fact]
    public async Task CatalogStore_RoundTrip_GivesBackTheSeededSnapshot()
    {
        await using var app = new TurnosFactory(azurite);
        var catalog = app.Get<CatalogStore>();
        foreach (var (seeded, _) in SeedLoader.Parse(File.ReadAllText(RepoPaths.DemoSeed), "demo.json"))
        {
            var stored = await catalog.GetSnapshotAsync(seeded.Business.Id);
            Assert.Equal(JsonSerializer.Serialize(CatalogDocuments.FromSnapshot(seeded)), JsonSerializer.Serialize(CatalogDocuments.FromSnapshot(stored!)));
        }
        Assert.Equal("demo", await catalog.FindBusinessByWhatsAppAsync("+14155238886"));
        Assert.Null(await catalog.FindBusinessByWhatsAppAsync("+10000000000"));
        Assert.Null(await catalog.GetSnapshotAsync("x' or PartitionKey ne '"));
        Assert.Equal(["consultora", "demo"], await catalog.ListBusinessIdsAsync());
    }

    private static string Business(string professional, string extraService = "") =>
        $$"""{"businesses":[{"id":"x","name":"X","timeZone":"America/Santiago","currency":"CLP","services":[{"id":"corte","name":"Corte","durationMinutes":30,"price":1}{{extraService}}],"professionals":[{{professional}}]}]}""";

    private static string WriteSeed(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"turnos-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
