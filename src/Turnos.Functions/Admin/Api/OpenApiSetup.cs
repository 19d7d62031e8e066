using Microsoft.OpenApi;

namespace Turnos.Functions.Admin.Api;

/// <summary>One OpenAPI document for the whole app, built from the endpoints' metadata (so the v1 endpoints
/// appear without further work), with the bearer key scheme on the endpoints that need a key.</summary>
internal static class OpenApiSetup
{
    private const string Scheme = "bearer";

    public static IServiceCollection AddTurnosOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Turnos API",
                    Version = "v1",
                    Description = "Admin API (/api/admin) and availability API (/api/v1). Send an API key as 'Authorization: Bearer <key>'.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key: the platform's (Admin:ApiKey) or one created for a business.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var path = context.Description.RelativePath ?? "";
                if (path.StartsWith("api/admin", StringComparison.Ordinal) || path.StartsWith("api/v1", StringComparison.Ordinal))
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
