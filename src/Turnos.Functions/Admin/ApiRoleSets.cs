namespace Turnos.Functions.Admin;

/// <summary>The role sets HTTP functions admit (see <see cref="ApiAccess.RunAsync"/>).</summary>
public static class ApiRoleSets
{
    /// <summary>Any key: the availability API, which answers each role differently.</summary>
    public static readonly IReadOnlySet<ApiRole> Anyone = new HashSet<ApiRole>(Enum.GetValues<ApiRole>());

    /// <summary>Platform admins, owners and employees: read everything, manage appointments.</summary>
    public static readonly IReadOnlySet<ApiRole> Staff = new HashSet<ApiRole> { ApiRole.Platform, ApiRole.Owner, ApiRole.Employee };

    /// <summary>Changes to a business's catalog, settings, keys and calendar connection.</summary>
    public static readonly IReadOnlySet<ApiRole> Managers = new HashSet<ApiRole> { ApiRole.Platform, ApiRole.Owner };

    /// <summary>Creating businesses, platform keys, metrics.</summary>
    public static readonly IReadOnlySet<ApiRole> Platform = new HashSet<ApiRole> { ApiRole.Platform };
}
