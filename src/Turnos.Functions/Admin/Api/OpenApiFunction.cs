using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Admin.Api;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI document of every route (see <see cref="AdminApi.OpenApiAssets"/>),
/// without a key, like the generated one it replaces.</summary>
public sealed class OpenApiFunction
{
    [Function("OpenApi")]
    public IActionResult Document(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminApi.OpenApiRoute)] HttpRequest request) =>
        AdminApi.ServeOpenApi(request.HttpContext).ToActionResult();
}
