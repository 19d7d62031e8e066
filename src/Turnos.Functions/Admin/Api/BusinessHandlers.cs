using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Admin.Api;

/// <summary><c>/api/admin/businesses</c>: list, create, read and change a business's settings.</summary>
internal static class BusinessHandlers
{

    internal static async Task<IResult> ListAsync(HttpContext http, CatalogStore catalog, CancellationToken ct)
    {
        var caller = http.GetCaller();
        var ids = (await catalog.ListBusinessIdsAsync(ct)).Where(caller.CanAccess);
        var snapshots = await Task.WhenAll(ids.Select(id => catalog.GetSnapshotAsync(id, ct)));
        return Results.Ok(snapshots.OfType<Core.Businesses.BusinessSnapshot>().OrderBy(s => s.Business.Id, StringComparer.Ordinal)
            .Select(CatalogViews.Summary));
    }

    internal static async Task<IResult> CreateAsync(HttpRequest request, CatalogEditor editor, CancellationToken ct)
    {
        var (doc, problem) = await ApiJson.ReadAsync<BusinessDocument>(request, ct);
        if (problem is not null) return problem;
        var outcome = await editor.CreateAsync(doc!, ct);
        if (outcome.Saved is not { } saved) return outcome.Problem!;
        return Results.Created($"/api/admin/businesses/{saved.Business.Id}", CatalogViews.Business(saved));
    }

    internal static async Task<IResult> GetAsync(string businessId, CatalogEditor editor, CancellationToken ct) =>
        await editor.ReadAsync(businessId, ct) is { } snapshot ? Results.Ok(CatalogViews.Business(snapshot)) : ApiProblems.BusinessNotFound(businessId);

    internal static async Task<IResult> UpdateAsync(string businessId, HttpRequest request, CatalogEditor editor, CancellationToken ct)
    {
        var (body, problem) = await ApiJson.ReadAsync<BusinessDocument>(request, ct);
        if (problem is not null) return problem;
        if (body!.Id is { } id && id != businessId) return ApiProblems.Field("id", $"'{id}' differs from the business in the URL; ids cannot change");
        var outcome = await editor.EditAsync(businessId, doc =>
        {
            doc.Name = body.Name;
            doc.Email = body.Email;
            doc.TimeZone = body.TimeZone;
            doc.WhatsAppNumbers = body.WhatsAppNumbers;
            doc.Address = body.Address;
            doc.Currency = body.Currency;
            doc.Policy = body.Policy;
            doc.Persona = body.Persona;
            doc.MeetLinks = body.MeetLinks;
            doc.Hours = body.Hours;
            doc.Languages = body.Languages;
            doc.WhatsAppTemplates = body.WhatsAppTemplates;
            doc.ExternalId = body.ExternalId;
            doc.WebChat = body.WebChat;
            doc.ChatService = body.ChatService;
            return null;
        }, "settings changed", relativeTo: null, ct);
        return outcome.Saved is { } saved ? Results.Ok(CatalogViews.Business(saved)) : outcome.Problem!;
    }
}
