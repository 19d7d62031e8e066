namespace Turnos.Functions.Storage;

/// <summary>
/// Parses the Shared Key forms of an Azure Storage connection string. Error messages name the missing
/// or bad setting and never echo the input: it holds the account key.
/// </summary>
internal sealed record TableConnectionString(Uri TableEndpoint, string AccountName, string AccountKey)
{
    // Azurite and the old storage emulator publish this key; it is not a secret.
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TableConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw Invalid("it is empty");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: base64 keys end in '=' padding.
            var equals = segment.IndexOf('=');
            if (equals <= 0)
            {
                throw Invalid("expected Name=Value pairs separated by ';'");
            }

            settings[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev)
            && string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
        {
            return new(new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName), DevelopmentAccountName, DevelopmentAccountKey);
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw Invalid("SharedAccessSignature connection strings are not supported; use an account key or a TokenCredential");
        }

        if (!settings.TryGetValue("AccountKey", out var key) || key.Length == 0)
        {
            throw Invalid("AccountKey is missing");
        }

        if (!TableValues.TryParseBase64(key, out _))
        {
            throw Invalid("AccountKey is not valid base64");
        }

        settings.TryGetValue("AccountName", out var accountName);
        Uri endpoint;
        if (settings.TryGetValue("TableEndpoint", out var tableEndpoint))
        {
            if (!Uri.TryCreate(tableEndpoint, UriKind.Absolute, out endpoint!)
                || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw Invalid("TableEndpoint is not an absolute http(s) URI");
            }

            accountName ??= AccountNameOf(endpoint);
        }
        else
        {
            if (string.IsNullOrEmpty(accountName))
            {
                throw Invalid("AccountName is missing (or give TableEndpoint)");
            }

            var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
            if (protocol is not ("http" or "https"))
            {
                throw Invalid("DefaultEndpointsProtocol must be http or https");
            }

            var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            if (!Uri.TryCreate($"{protocol}://{accountName}.table.{suffix}", UriKind.Absolute, out endpoint!))
            {
                throw Invalid("AccountName and EndpointSuffix do not form a valid host name");
            }
        }

        if (string.IsNullOrEmpty(accountName))
        {
            throw Invalid("AccountName is missing and cannot be inferred from TableEndpoint");
        }

        return new(endpoint, accountName, key);
    }

    /// <summary>
    /// The account from a table endpoint: the first host label for <c>acct.table.core.windows.net</c>,
    /// the first path segment for path-style (emulator) URLs like <c>http://127.0.0.1:10002/devstoreaccount1</c>.
    /// </summary>
    public static string? AccountNameOf(Uri endpoint)
    {
        var segments = endpoint.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (endpoint.HostNameType == UriHostNameType.Dns && endpoint.Host.Contains(".table.", StringComparison.OrdinalIgnoreCase))
        {
            return endpoint.Host[..endpoint.Host.IndexOf('.')];
        }

        return segments.Length > 0 ? segments[0] : null;
    }

    // The generated record ToString would print the key.
    public override string ToString() => $"TableConnectionString {{ TableEndpoint = {TableEndpoint}, AccountName = {AccountName} }}";

    private static ArgumentException Invalid(string reason) =>
        new($"Invalid Table Storage connection string: {reason}.", "connectionString");
}
