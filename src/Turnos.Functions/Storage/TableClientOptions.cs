using Azure.Core;

namespace Turnos.Functions.Storage;

/// <summary>
/// Pipeline options for <see cref="TableServiceClient"/>. Retries (408, 429, 500, 502, 503, 504, network
/// errors and timeouts) come from Azure.Core's retry policy; these defaults suit a webhook that must answer
/// within Twilio's timeout rather than wait 100 s on one stuck request.
/// </summary>
public sealed class TableClientOptions : ClientOptions
{
    public TableClientOptions()
    {
        Retry.MaxRetries = 5;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(5);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
