using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Storage;

/// <summary>Builds the app's <see cref="TableServiceClient"/> from <see cref="StorageOptions"/>.</summary>
public static class TableClientSetup
{
    /// <summary>
    /// The SDK's options with retries that suit a webhook which must answer within Twilio's timeout: several
    /// quick exponential retries of 408, 429, 5xx and network errors, and a 10 s cap per attempt instead of
    /// waiting 100 s on one stuck request.
    /// </summary>
    public static TableClientOptions Options()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 5;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    /// <summary>Azurite or an account key by connection string; otherwise the endpoint with the app's identity
    /// (shared keys are disabled in Azure).</summary>
    public static TableServiceClient CreateService(StorageOptions storage, TableClientOptions? options = null)
    {
        options ??= Options();
        if (storage.TableServiceUri is { } uri)
            return new TableServiceClient(uri, new DefaultAzureCredential(
                new DefaultAzureCredentialOptions { ManagedIdentityClientId = storage.ManagedIdentityClientId }), options);
        return new TableServiceClient(storage.ConnectionString!, options);
    }
}
