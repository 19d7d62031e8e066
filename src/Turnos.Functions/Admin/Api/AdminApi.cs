using Turnos.Functions.WebAssets;

namespace Turnos.Functions.Admin.Api;

/// <summary>The admin API under <c>/api/admin</c> (businesses, catalog, appointments, customers,
/// conversations) and the OpenAPI document of the whole app at <see cref="OpenApiPath"/>.</summary>
public static class AdminApi
{
    /// <summary>The document's route below the host's <c>api</c> prefix (<see cref="OpenApiPath"/> in full).</summary>
    public const string OpenApiRoute = "openapi.json";

    public const string OpenApiPath = "/api/" + OpenApiRoute;

    /// <summary>
    /// The OpenAPI document, checked in as <c>Admin/Api/openapi.json</c> and embedded: the Functions host has no
    /// endpoint metadata to generate it from, so a new or changed route is documented there by hand.
    /// </summary>
    internal static WebAssetCatalog OpenApiAssets { get; } = new("api");

    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddSingleton<CatalogEditor>();
        services.AddSingleton<BookingProblems>();
        return services;
    }

    internal static IResult ServeOpenApi(HttpContext http) =>
        WebAssetResults.Serve(OpenApiAssets.Get(OpenApiRoute), http, "");
}
