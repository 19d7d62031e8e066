namespace Turnos.Functions.Admin.Api;

/// <summary>The admin API under <c>/api/admin</c> (businesses, catalog, appointments, customers,
/// conversations) and the OpenAPI document of the whole app at <see cref="OpenApiPath"/>.</summary>
public static class AdminApi
{
    public const string OpenApiPath = "/api/openapi.json";

    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddSingleton<CatalogEditor>();
        services.AddSingleton<BookingProblems>();
        services.AddTurnosOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapAdminGroup();
        admin.MapBusinesses();
        var business = admin.MapGroup("/businesses/{businessId}");
        business.MapCatalogItems();
        business.MapAppointments();
        business.MapPeople();
        app.MapOpenApi(OpenApiPath);
        return app;
    }
}
