using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Admin;

/// <summary>
/// Keys of a business, <c>/api/admin/businesses/{businessId}/keys</c> and <c>…/keys/{keyId}</c> (its owner or a
/// platform admin), and every key, <c>/api/admin/keys</c> and <c>/api/admin/keys/{keyId}</c> (platform admins only,
/// who alone create platform keys). The secret is shown once, at creation.
/// </summary>
public sealed class ApiKeyFunctions(CatalogStore catalog, ApiKeyStore keys)
{
    private const string BusinessKeys = AdminRoutes.Business + "/keys";
    private const string AllKeys = AdminRoutes.Root + "/keys";

    [Function("CreateBusinessKey")]
    public Task<IActionResult> CreateBusinessKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = BusinessKeys)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers, _ => WithBodyAsync(request,
            body => ApiKeyHandlers.CreateForBusinessAsync(businessId, body, request.HttpContext, catalog, keys, ct), ct));

    [Function("ListBusinessKeys")]
    public Task<IActionResult> ListBusinessKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = BusinessKeys)] HttpRequest request, string businessId,
        CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers, _ => ApiKeyHandlers.ListForBusinessAsync(businessId, catalog, keys, ct));

    [Function("RevokeBusinessKey")]
    public Task<IActionResult> RevokeBusinessKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = BusinessKeys + "/{keyId}")] HttpRequest request, string businessId,
        string keyId, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Managers, _ => ApiKeyHandlers.RevokeForBusinessAsync(businessId, keyId, keys, ct));

    [Function("CreatePlatformKey")]
    public Task<IActionResult> CreatePlatformKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AllKeys)] HttpRequest request, CancellationToken ct) =>
        request.RunAsync(null, ApiRoleSets.Platform,
            _ => WithBodyAsync(request, body => ApiKeyHandlers.CreatePlatformAsync(body, request.HttpContext, keys, ct), ct));

    [Function("ListKeys")]
    public Task<IActionResult> ListKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AllKeys)] HttpRequest request, CancellationToken ct) =>
        request.RunAsync(null, ApiRoleSets.Platform, _ => ApiKeyHandlers.ListAllAsync(keys, ct));

    [Function("RevokeKey")]
    public Task<IActionResult> RevokeKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AllKeys + "/{keyId}")] HttpRequest request, string keyId,
        CancellationToken ct) =>
        request.RunAsync(null, ApiRoleSets.Platform, _ => ApiKeyHandlers.RevokeAnyAsync(keyId, keys, ct));

    // The endpoints get the body from binding, which functions lack; read inside RunAsync so a stranger's body stays unread.
    private static async Task<IResult> WithBodyAsync(HttpRequest request, Func<CreateKeyRequest?, Task<IResult>> create, CancellationToken ct)
    {
        var (body, problem) = await ApiKeyHandlers.ReadCreateRequestAsync(request, ct);
        return problem ?? await create(body);
    }
}
