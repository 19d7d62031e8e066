using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Turnos.Functions.Hosting;

/// <summary>Where the app's tables live. Locally a connection string (Azurite); in Azure the table
/// endpoint with the app's managed identity, because shared keys are disabled there.</summary>
public sealed partial class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>Account-key connection string, e.g. <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table endpoint, e.g. <c>https://account.table.core.windows.net</c>; uses DefaultAzureCredential.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Prepended to every table name, so several environments (or test runs) share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>Client id of a user-assigned managed identity, when the app uses one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$|^$")]
    private static partial Regex PrefixPattern();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasString == (TableServiceUri is not null))
            yield return new ValidationResult(
                "Set exactly one of Storage:ConnectionString (local, Azurite) or Storage:TableServiceUri (Azure, managed identity).",
                [nameof(ConnectionString), nameof(TableServiceUri)]);
        if (!PrefixPattern().IsMatch(TablePrefix))
            yield return new ValidationResult(
                "Storage:TablePrefix must start with a letter and hold only letters and digits (up to 40).", [nameof(TablePrefix)]);
    }
}

public sealed class TurnosOptions
{
    public const string Section = "Turnos";

    public const int DefaultCatalogCacheSeconds = 30;

    /// <summary>JSON file with businesses to load at start (relative to the app's folder or absolute).</summary>
    public string? SeedFile { get; set; }

    /// <summary>How long a business's catalog is reused before it is read again; 0 reads it every time.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600, ErrorMessage = "Turnos:CatalogCacheSeconds must be between 0 and 3600.")]
    public int CatalogCacheSeconds { get; set; } = DefaultCatalogCacheSeconds;
}
