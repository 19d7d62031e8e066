using System.ComponentModel.DataAnnotations;

namespace Turnos.Functions.Calendar.Vault;

/// <summary>Where refresh tokens live: Key Vault when <c>KeyVault:Uri</c> is set, otherwise files encrypted
/// with Data Protection under <c>Turnos:DataFolder</c>. Filled from those settings by
/// <see cref="TokenVaultSetup.AddTokenVault"/>.</summary>
public sealed class TokenVaultOptions : IValidatableObject
{
    /// <summary><c>KeyVault:Uri</c>, e.g. <c>https://turnos-kv.vault.azure.net/</c>.</summary>
    public string? KeyVaultUri { get; set; }

    /// <summary><c>Turnos:DataFolder</c> resolved against the content root (default <c>.data</c>).</summary>
    public string DataFolder { get; set; } = "";

    /// <summary><c>Storage:ManagedIdentityClientId</c>: the same user-assigned identity reaches tables and Key Vault.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public bool UsesKeyVault => !string.IsNullOrWhiteSpace(KeyVaultUri);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesKeyVault && !(Uri.TryCreate(KeyVaultUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            yield return new ValidationResult(
                "KeyVault:Uri must be an absolute https URI, e.g. https://<vault>.vault.azure.net/.", [nameof(KeyVaultUri)]);
        if (!UsesKeyVault && string.IsNullOrWhiteSpace(DataFolder))
            yield return new ValidationResult("Turnos:DataFolder must name a folder when KeyVault:Uri is not set.", [nameof(DataFolder)]);
    }
}
