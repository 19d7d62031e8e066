using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Turnos.Functions.Admin;

/// <summary>
/// Section <c>Admin</c>: the first platform key, from configuration. With it a platform admin creates every other
/// key (see <see cref="ApiKeyStore"/>); it is not stored anywhere and is changed by changing the setting.
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

public static class AdminAccess
{
    public static IServiceCollection AddAdminAccess(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<AdminOptions>, AdminOptionsSetup>();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsSetup>();
        services.AddSingleton<ApiKeyTable>();
        services.AddHostedService<ApiKeyTableInitializer>();
        services.AddSingleton<ApiKeyStore>();
        // Roles are lowercase names on the wire, never numbers.
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter<ApiRole>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        return services;
    }

}
