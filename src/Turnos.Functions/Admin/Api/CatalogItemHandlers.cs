namespace Turnos.Functions.Admin.Api;

/// <summary><c>/api/admin/businesses/{businessId}/{services|professionals|blocks}[/{itemId}]</c>. Each change is
/// validated on the whole business document, so a reference to a missing service fails as it would in a seed file.</summary>
internal static class CatalogItemHandlers
{
    internal static async Task<IResult> ListAsync<TDoc, TView>(CatalogItemKind<TDoc, TView> kind, string businessId, CatalogEditor editor,
        CancellationToken ct) where TDoc : class =>
        await editor.ReadAsync(businessId, ct) is { } s ? Results.Ok(kind.Views(s)) : ApiProblems.BusinessNotFound(businessId);

    internal static async Task<IResult> GetAsync<TDoc, TView>(CatalogItemKind<TDoc, TView> kind, string businessId, string itemId,
        CatalogEditor editor, CancellationToken ct) where TDoc : class
    {
        if (await editor.ReadAsync(businessId, ct) is not { } s) return ApiProblems.BusinessNotFound(businessId);
        return kind.View(s, itemId) is { } view ? Results.Ok(view) : ApiProblems.NotFound(kind.Name, itemId, businessId);
    }

    internal static async Task<IResult> CreateAsync<TDoc, TView>(CatalogItemKind<TDoc, TView> kind, string businessId, HttpRequest request,
        CatalogEditor editor, CancellationToken ct) where TDoc : class
    {
        var name = kind.Name;
        var (item, problem) = await ApiJson.ReadAsync<TDoc>(request, ct);
        if (problem is not null) return problem;
        var id = kind.IdOf(item!);
        var outcome = await editor.EditAsync(businessId, doc =>
        {
            var list = kind.Items(doc);
            if (id is not null && list.Any(x => x is not null && kind.IdOf(x) == id))
                return ApiProblems.Conflict($"The {name} exists", $"Business '{businessId}' already has a {name} '{id}'.",
                    new Dictionary<string, object?> { ["field"] = "id" });
            list.Add(item);
            return null;
        }, $"{name} {id} added", doc => $"{kind.Route}[{kind.Items(doc).Count - 1}]", ct);
        return outcome.Saved is { } s
            ? Results.Created($"/api/admin/businesses/{businessId}/{kind.Route}/{id}", kind.View(s, id!))
            : outcome.Problem!;
    }

    internal static async Task<IResult> UpdateAsync<TDoc, TView>(CatalogItemKind<TDoc, TView> kind, string businessId, string itemId,
        HttpRequest request, CatalogEditor editor, CancellationToken ct) where TDoc : class
    {
        var name = kind.Name;
        var (item, problem) = await ApiJson.ReadAsync<TDoc>(request, ct);
        if (problem is not null) return problem;
        if (kind.IdOf(item!) is { } given && given != itemId)
            return ApiProblems.Field("id", $"'{given}' differs from the {name} in the URL; ids cannot change (add a new {name} instead)");
        kind.SetId(item!, itemId);
        var outcome = await editor.EditAsync(businessId, doc =>
        {
            var list = kind.Items(doc);
            var index = list.FindIndex(x => x is not null && kind.IdOf(x) == itemId);
            if (index < 0) return ApiProblems.NotFound(name, itemId, businessId);
            list[index] = item;
            return null;
        }, $"{name} {itemId} changed", doc => $"{kind.Route}[{kind.Items(doc).FindIndex(x => x == item)}]", ct);
        return outcome.Saved is { } s ? Results.Ok(kind.View(s, itemId)) : outcome.Problem!;
    }

    internal static async Task<IResult> DeleteAsync<TDoc, TView>(CatalogItemKind<TDoc, TView> kind, string businessId, string itemId,
        HttpContext http, CatalogEditor editor, CancellationToken ct) where TDoc : class
    {
        var name = kind.Name;
        if (await kind.CheckDeleteAsync(http.RequestServices, businessId, itemId, ct) is { } refused) return refused;
        var outcome = await editor.EditAsync(businessId, doc =>
        {
            if (kind.Items(doc).RemoveAll(x => x is not null && kind.IdOf(x) == itemId) == 0)
                return ApiProblems.NotFound(name, itemId, businessId);
            kind.OnDeleted(doc, itemId);
            return null;
        }, $"{name} {itemId} deleted", relativeTo: null, ct);
        return outcome.Saved is not null ? Results.NoContent() : outcome.Problem!;
    }
}
