using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Turnos.Functions.Storage;

/// <summary>
/// Entry point to one storage account's Table service. Thread-safe; create one per account and share it.
/// </summary>
public sealed partial class TableServiceClient
{
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline _pipeline;

    /// <summary>Azure AD (managed identity, <c>DefaultAzureCredential</c>). The endpoint must be https.</summary>
    public TableServiceClient(Uri serviceUri, TokenCredential credential, TableClientOptions? options = null)
        : this(serviceUri, AccountFrom(serviceUri), new BearerTokenAuthenticationPolicy(
            credential ?? throw new ArgumentNullException(nameof(credential)), StorageScope), options)
    {
    }

    /// <summary>Shared Key: Azurite in development, or an account key where identity is not available.</summary>
    public TableServiceClient(Uri serviceUri, string accountName, string accountKey, TableClientOptions? options = null)
        : this(serviceUri, Required(accountName, nameof(accountName)), new TableSharedKeyPolicy(
            accountName, Required(accountKey, nameof(accountKey))), options)
    {
    }

    private TableServiceClient(Uri serviceUri, string accountName, HttpPipelinePolicy authPolicy, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        if (!serviceUri.IsAbsoluteUri || (serviceUri.Scheme != Uri.UriSchemeHttp && serviceUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The table service URI must be an absolute http(s) URI.", nameof(serviceUri));
        }

        ServiceUri = serviceUri;
        AccountName = accountName;
        // The date policy runs before the auth policy on every attempt, so each retry is re-dated and re-signed.
        _pipeline = HttpPipelineBuilder.Build(options ?? new TableClientOptions(), new TableDatePolicy(), authPolicy);
    }

    public Uri ServiceUri { get; }

    public string AccountName { get; }

    /// <summary>
    /// Accepts <c>UseDevelopmentStorage=true</c>, <c>DefaultEndpointsProtocol=..;AccountName=..;AccountKey=..;EndpointSuffix=..</c>
    /// and connection strings with an explicit <c>TableEndpoint=</c> (Azurite style).
    /// </summary>
    public static TableServiceClient FromConnectionString(string connectionString, TableClientOptions? options = null)
    {
        var parsed = TableConnectionString.Parse(connectionString);
        return new TableServiceClient(parsed.TableEndpoint, parsed.AccountName, parsed.AccountKey, options);
    }

    public TableClient GetTableClient(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: 3-63 letters or digits, starting with a letter.", nameof(tableName));
        }

        return new TableClient(_pipeline, ServiceUri, tableName);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();

    private static string AccountFrom(Uri serviceUri) =>
        TableConnectionString.AccountNameOf(serviceUri ?? throw new ArgumentNullException(nameof(serviceUri))) ?? serviceUri.Host;

    private static string Required(string value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"{name} is required.", name) : value;
}
