using System.Net;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Core.Businesses.Documents;
using Turnos.Core.Notices;
using Turnos.Functions.Businesses;
using Turnos.Functions.Notices;
using Turnos.Functions.Tests.Admin.Api;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Notices;

/// <summary>The demo's professionals' WhatsApp numbers in these tests, how they are set, and waiting for a change's notices.</summary>
internal static class Professionals
{
    public const string Carlos = "+5491155551234", Lucia = "+5491155554321", Sofia = "+5491155556789";

    public static readonly Dictionary<string, string> Numbers = new() { ["carlos"] = Carlos, ["lucia"] = Lucia, ["sofia"] = Sofia };

    /// <summary>Through the admin API, as staff would: the professional as the API shows it, with the number, put back.</summary>
    public static async Task SetNumbersAsync(AdminApiApp app, params string[] professionalIds)
    {
        foreach (var id in professionalIds)
        {
            var url = $"/api/admin/businesses/demo/professionals/{id}";
            var professional = JsonNode.Parse(await (await app.Platform.GetAsync(url)).Content.ReadAsStringAsync())!;
            professional["whatsAppNumber"] = Numbers[id];
            Assert.Equal(Numbers[id], (await (await app.Platform.PutRawAsync(url, professional.ToJsonString())).JsonAsync(HttpStatusCode.OK)).Str("whatsAppNumber"));
        }
    }

    /// <summary>Straight into the catalog (an app without an admin client at hand).</summary>
    public static async Task SetNumbersAsync(TurnosFactory app, params string[] professionalIds)
    {
        var catalog = app.Get<CatalogStore>();
        var doc = (await catalog.GetDocumentAsync(Demo.Id))!;
        foreach (var p in doc.Professionals!.Where(p => professionalIds.Contains(p!.Id))) p!.WhatsAppNumber = Numbers[p.Id!];
        var validation = CatalogValidator.Validate(doc, "test");
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
        await catalog.SaveAsync(validation.Snapshot!);
    }

    /// <summary>Waits until the notices of that change have finished; null when none were ever started.</summary>
    public static async Task<OrchestrationMetadata?> FinishedAsync(TurnosFactory app, string appointmentId, NoticeKind kind)
    {
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var id = new NoticeWork(Demo.Id, appointmentId, kind).InstanceId;
        for (var waited = 0; waited < 200; waited++)
        {
            var instance = await client.GetInstanceAsync(id);
            if (instance is null && waited > 10) return null;
            if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed }) return instance;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The {kind} notices of {appointmentId} did not finish within 20 s.");
    }
}
