using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Turnos.Functions.Admin.Api;

/// <summary>
/// <c>/api/admin/businesses/{businessId}/{services|professionals|blocks}</c> (list, add) and <c>…/{itemId}</c> (read,
/// replace, delete). A function's route is a literal, so each kind has functions of its own; all share
/// <see cref="CatalogItemHandlers"/>' implementation of the verb. Staff read; changes are for managers.
/// </summary>
public sealed class CatalogItemFunctions(CatalogEditor editor)
{
    private const string Services = AdminRoutes.Business + "/services";
    private const string Service = Services + "/{itemId}";

    [Function("ListServices")]
    public Task<IActionResult> ListServices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Services)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => CatalogItemHandlers.ListAsync(CatalogItemKinds.Services, businessId, editor, ct));

    [Function("CreateService")]
    public Task<IActionResult> CreateService(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Services)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.CreateAsync(CatalogItemKinds.Services, businessId, request, editor, ct));

    [Function("GetService")]
    public Task<IActionResult> GetService(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Service)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => CatalogItemHandlers.GetAsync(CatalogItemKinds.Services, businessId, itemId, editor, ct));

    [Function("UpdateService")]
    public Task<IActionResult> UpdateService(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Service)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.UpdateAsync(CatalogItemKinds.Services, businessId, itemId, request, editor, ct));

    [Function("DeleteService")]
    public Task<IActionResult> DeleteService(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Service)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.DeleteAsync(CatalogItemKinds.Services, businessId, itemId, request.HttpContext, editor, ct));

    private const string Professionals = AdminRoutes.Business + "/professionals";
    private const string Professional = Professionals + "/{itemId}";

    [Function("ListProfessionals")]
    public Task<IActionResult> ListProfessionals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Professionals)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => CatalogItemHandlers.ListAsync(CatalogItemKinds.Professionals, businessId, editor, ct));

    [Function("CreateProfessional")]
    public Task<IActionResult> CreateProfessional(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Professionals)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.CreateAsync(CatalogItemKinds.Professionals, businessId, request, editor, ct));

    [Function("GetProfessional")]
    public Task<IActionResult> GetProfessional(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Professional)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => CatalogItemHandlers.GetAsync(CatalogItemKinds.Professionals, businessId, itemId, editor, ct));

    [Function("UpdateProfessional")]
    public Task<IActionResult> UpdateProfessional(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Professional)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.UpdateAsync(CatalogItemKinds.Professionals, businessId, itemId, request, editor, ct));

    [Function("DeleteProfessional")]
    public Task<IActionResult> DeleteProfessional(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Professional)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.DeleteAsync(CatalogItemKinds.Professionals, businessId, itemId, request.HttpContext, editor, ct));

    private const string Blocks = AdminRoutes.Business + "/blocks";
    private const string Block = Blocks + "/{itemId}";

    [Function("ListBlocks")]
    public Task<IActionResult> ListBlocks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Blocks)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => CatalogItemHandlers.ListAsync(CatalogItemKinds.Blocks, businessId, editor, ct));

    [Function("CreateBlock")]
    public Task<IActionResult> CreateBlock(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Blocks)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.CreateAsync(CatalogItemKinds.Blocks, businessId, request, editor, ct));

    [Function("GetBlock")]
    public Task<IActionResult> GetBlock(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Block)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => CatalogItemHandlers.GetAsync(CatalogItemKinds.Blocks, businessId, itemId, editor, ct));

    [Function("UpdateBlock")]
    public Task<IActionResult> UpdateBlock(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Block)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.UpdateAsync(CatalogItemKinds.Blocks, businessId, itemId, request, editor, ct));

    [Function("DeleteBlock")]
    public Task<IActionResult> DeleteBlock(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Block)] HttpRequest request, string businessId, string itemId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers,
            _ => CatalogItemHandlers.DeleteAsync(CatalogItemKinds.Blocks, businessId, itemId, request.HttpContext, editor, ct));
}
