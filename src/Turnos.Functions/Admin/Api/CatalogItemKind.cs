using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Booking;

namespace Turnos.Functions.Admin.Api;

/// <summary>The kinds the endpoints and functions share: a kind holds no state.</summary>
internal static class CatalogItemKinds
{
    public static readonly ServiceKind Services = new();
    public static readonly ProfessionalKind Professionals = new();
    public static readonly BlockKind Blocks = new();
}

/// <summary>One kind of catalog item (services, professionals, blocks): where it lives in the business
/// document and how it is shown. The endpoints are the same for all kinds.</summary>
internal abstract class CatalogItemKind<TDoc, TView> where TDoc : class
{
    /// <summary>The URL segment and document property, e.g. <c>services</c>.</summary>
    public abstract string Route { get; }

    /// <summary>How errors name one item, e.g. <c>service</c>.</summary>
    public abstract string Name { get; }

    public abstract List<TDoc?> Items(BusinessDocument doc);

    public abstract string? IdOf(TDoc item);

    public abstract void SetId(TDoc item, string id);

    public abstract IEnumerable<TView> Views(BusinessSnapshot snapshot);

    public abstract TView? View(BusinessSnapshot snapshot, string id);

    /// <summary>A problem that refuses the deletion, checked before the document is changed.</summary>
    public virtual Task<IResult?> CheckDeleteAsync(IServiceProvider services, string businessId, string itemId, CancellationToken ct) =>
        Task.FromResult<IResult?>(null);

    /// <summary>Removes what refers to the deleted item, so the rest of the catalog stays valid.</summary>
    public virtual void OnDeleted(BusinessDocument doc, string itemId) { }

    /// <summary>409 when booked appointments still to come use the item: deleting it would strand them.</summary>
    protected async Task<IResult?> RefuseWhileBookedAsync(IServiceProvider services, string businessId, string itemId,
        Func<Appointment, bool> uses, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var upcoming = (await services.GetRequiredService<AppointmentStore>().ListAsync(businessId, now, now.AddYears(2), ct))
            .Where(a => a.Status == AppointmentStatus.Booked && uses(a)).OrderBy(a => a.StartUtc).ToList();
        if (upcoming.Count == 0) return null;
        return ApiProblems.Conflict($"The {Name} has upcoming appointments",
            $"{upcoming.Count} upcoming appointment(s) use {Name} '{itemId}'; cancel or reschedule them first.",
            new Dictionary<string, object?> { ["appointmentIds"] = upcoming.Select(a => a.Id).ToArray() });
    }
}

internal sealed class ServiceKind : CatalogItemKind<ServiceDocument, ServiceView>
{
    public override string Route => "services";
    public override string Name => "service";
    public override List<ServiceDocument?> Items(BusinessDocument doc) => doc.Services ??= [];
    public override string? IdOf(ServiceDocument item) => item.Id;
    public override void SetId(ServiceDocument item, string id) => item.Id = id;
    public override IEnumerable<ServiceView> Views(BusinessSnapshot s) => s.Services.Select(CatalogViews.Service);
    public override ServiceView? View(BusinessSnapshot s, string id) => s.FindService(id) is { } x ? CatalogViews.Service(x) : null;

    public override Task<IResult?> CheckDeleteAsync(IServiceProvider services, string businessId, string itemId, CancellationToken ct) =>
        RefuseWhileBookedAsync(services, businessId, itemId, a => a.Visit.Any(s => s.ServiceId == itemId), ct);

    // Professionals simply stop offering it.
    public override void OnDeleted(BusinessDocument doc, string itemId)
    {
        foreach (var p in doc.Professionals ?? []) p?.Services?.RemoveAll(s => s == itemId);
        if (doc.ChatService == itemId) doc.ChatService = null;
    }
}

internal sealed class ProfessionalKind : CatalogItemKind<ProfessionalDocument, ProfessionalView>
{
    public override string Route => "professionals";
    public override string Name => "professional";
    public override List<ProfessionalDocument?> Items(BusinessDocument doc) => doc.Professionals ??= [];
    public override string? IdOf(ProfessionalDocument item) => item.Id;
    public override void SetId(ProfessionalDocument item, string id) => item.Id = id;
    public override IEnumerable<ProfessionalView> Views(BusinessSnapshot s) => s.Professionals.Select(CatalogViews.Professional);
    public override ProfessionalView? View(BusinessSnapshot s, string id) => s.FindProfessional(id) is { } x ? CatalogViews.Professional(x) : null;

    public override Task<IResult?> CheckDeleteAsync(IServiceProvider services, string businessId, string itemId, CancellationToken ct) =>
        RefuseWhileBookedAsync(services, businessId, itemId, a => a.Visit.Any(s => s.ProfessionalId == itemId), ct);

    // Their time off means nothing without them.
    public override void OnDeleted(BusinessDocument doc, string itemId) => doc.Blocks?.RemoveAll(b => b?.Professional == itemId);
}

internal sealed class BlockKind : CatalogItemKind<BlockDocument, BlockView>
{
    public override string Route => "blocks";
    public override string Name => "block";
    public override List<BlockDocument?> Items(BusinessDocument doc) => doc.Blocks ??= [];
    public override string? IdOf(BlockDocument item) => item.Id;
    public override void SetId(BlockDocument item, string id) => item.Id = id;
    public override IEnumerable<BlockView> Views(BusinessSnapshot s) => s.Blocks.Select(b => CatalogViews.Block(b, s));
    public override BlockView? View(BusinessSnapshot s, string id) => s.Blocks.FirstOrDefault(b => b.Id == id) is { } x ? CatalogViews.Block(x, s) : null;
}
