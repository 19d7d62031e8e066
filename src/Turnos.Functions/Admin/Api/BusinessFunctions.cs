using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Admin.Api;

/// <summary><c>/api/admin/businesses</c>: list, create, read and change a business's settings.</summary>
public sealed class BusinessFunctions(CatalogStore catalog, CatalogEditor editor)
{
    [Function("ListBusinesses")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoutes.Businesses)] HttpRequest request, CancellationToken ct) =>
        request.RunAsync(null, ApiRoleSets.Staff, _ => BusinessHandlers.ListAsync(request.HttpContext, catalog, ct));

    [Function("CreateBusiness")]
    public Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AdminRoutes.Businesses)] HttpRequest request, CancellationToken ct) =>
        request.RunAsync(null, ApiRoleSets.Platform, _ => BusinessHandlers.CreateAsync(request, editor, ct));

    [Function("GetBusiness")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoutes.Business)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff, _ => BusinessHandlers.GetAsync(businessId, editor, ct));

    [Function("UpdateBusiness")]
    public Task<IActionResult> Update(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = AdminRoutes.Business)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers, _ => BusinessHandlers.UpdateAsync(businessId, request, editor, ct));
}
