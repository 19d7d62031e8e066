namespace Turnos.Functions.Admin;

/// <summary>What is known about a key, never its secret. <see cref="BusinessId"/> is null for platform keys;
/// <see cref="CreatedBy"/> is the id of the key that created it ("config" for the configured platform key).</summary>
public sealed record ApiKeyInfo(string Id, ApiRole Role, string? BusinessId, string Name, DateTimeOffset CreatedUtc,
    string? CreatedBy, DateTimeOffset? RevokedUtc)
{
    public bool Revoked => RevokedUtc is not null;
}

/// <summary>Roles as the API and the table write them: lowercase names.</summary>
public static class ApiRoleNames
{
    public static string ToWire(this ApiRole role) => role switch
    {
        ApiRole.Platform => "platform",
        ApiRole.Owner => "owner",
        ApiRole.Employee => "employee",
        ApiRole.Bot => "bot",
        ApiRole.Customer => "customer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    // Names only: Enum.TryParse would also take "1" or "Owner, Bot".
    public static bool TryParse(string? text, out ApiRole role)
    {
        foreach (var candidate in Enum.GetValues<ApiRole>())
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
