namespace Turnos.Functions.Admin;

/// <summary>Who an API key speaks for. Platform keys reach every business; the others exactly one.</summary>
public enum ApiRole { Platform, Owner, Employee, Bot, Customer }

/// <summary>The authenticated caller of an /api request.</summary>
/// <param name="BusinessId">The one business the key is scoped to; null for platform keys.</param>
public sealed record ApiCaller(string KeyId, ApiRole Role, string? BusinessId)
{
    /// <summary>Anything of another business is answered as if it did not exist (404), never 403.</summary>
    public bool CanAccess(string businessId) => Role == ApiRole.Platform || BusinessId == businessId;

    /// <summary>Platform admins, owners and employees: the people who run businesses.</summary>
    public bool IsStaff => Role is ApiRole.Platform or ApiRole.Owner or ApiRole.Employee;

    /// <summary>Who may create and revoke keys, change the catalog, connect calendars.</summary>
    public bool IsOwnerOrPlatform => Role is ApiRole.Platform or ApiRole.Owner;
}
