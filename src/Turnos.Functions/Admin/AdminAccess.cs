using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Turnos.Functions.Admin;

/// <summary>
/// The platform administrator's key (section <c>Admin</c>). A stop-gap until per-role API keys exist:
/// every /api/admin endpoint requires <c>Authorization: Bearer &lt;Admin:ApiKey&gt;</c>.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Used only in Development when no key is set, so local runs need no configuration.</summary>
    public const string LocalDevKey = "local-admin-key";

    public string? ApiKey { get; set; }
}

internal sealed class AdminOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<AdminOptions>, IValidateOptions<AdminOptions>
{
    public void PostConfigure(string? name, AdminOptions options)
    {
        if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.ApiKey)) options.ApiKey = AdminOptions.LocalDevKey;
    }

    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        string.IsNullOrWhiteSpace(options.ApiKey) ? ValidateOptionsResult.Fail("Admin:ApiKey is required outside Development (the platform administrator's key).")
        : options.ApiKey.Length < 16 && !environment.IsDevelopment() ? ValidateOptionsResult.Fail("Admin:ApiKey must be at least 16 characters.")
        : ValidateOptionsResult.Success;
}

/// <summary>401 ProblemDetails unless the request carries the admin key.</summary>
internal sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        var expected = options.Value.ApiKey ?? "";
        var ok = given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
        if (!ok)
            return Results.Problem(title: "Unauthorized", detail: "Send the admin key as 'Authorization: Bearer <key>'.",
                statusCode: StatusCodes.Status401Unauthorized);
        return await next(context);
    }
}

public static class AdminAccess
{
    public static IServiceCollection AddAdminAccess(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<AdminOptions>, AdminOptionsSetup>();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsSetup>();
        services.AddSingleton<AdminKeyFilter>();
        return services;
    }

    /// <summary>The /api/admin route group; everything in it needs the admin key.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/admin").AddEndpointFilter<AdminKeyFilter>();
}
