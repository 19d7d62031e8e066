namespace Turnos.Functions.Admin.Api;

/// <summary>What each role may do inside the businesses its key reaches. Staff (platform, owner, employee) read
/// everything and manage appointments (the admin group's roles); these narrow the rest. The access layer
/// answers 403 before the body is read.</summary>
internal static class ApiRoles
{
    /// <summary>Changes to the catalog and the business's settings.</summary>
    public static TBuilder RequireOwnerOrPlatform<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireApiRoles(ApiRole.Platform, ApiRole.Owner);

    /// <summary>Creating businesses.</summary>
    public static TBuilder RequirePlatform<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireApiRoles(ApiRole.Platform);
}
