using System.Text.RegularExpressions;

namespace Turnos.Functions.Calendar.Vault;

/// <summary>Where a business's refresh token is kept, by business id. Ids are checked here because they
/// become file and Key Vault secret names: anything else could reach another business's token.</summary>
internal static partial class BusinessSecrets
{
    /// <summary>The Key Vault secret of a business: letters, digits and '-' only, well under 127 characters.</summary>
    public static string SecretName(string businessId) => "google-refresh-" + Checked(businessId);

    public static string FileName(string businessId) => Checked(businessId) + ".token";

    public static string Checked(string businessId)
    {
        // The value is not echoed: a caller that swapped arguments would otherwise put a token in the message.
        if (businessId is null || !IdPattern().IsMatch(businessId))
            throw new ArgumentException("Not a business id (lowercase letters, digits and '-', up to 40).", nameof(businessId));
        return businessId;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();
}

/// <summary>A token store refused or failed an operation. The message names the business and the
/// store's status, never the token.</summary>
public sealed class TokenVaultException(string message) : Exception(message);
