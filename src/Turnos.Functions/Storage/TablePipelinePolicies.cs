using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Turnos.Functions.Storage;

/// <summary>
/// Stamps x-ms-date on every attempt (it is a per-retry policy) so a retried request is not rejected as
/// stale and its Shared Key signature, which covers the date, is recomputed. It reads the system clock on
/// purpose, not the app's TimeProvider: the service rejects dates more than 15 minutes off real time.
/// </summary>
internal sealed class TableDatePolicy : HttpPipelineSynchronousPolicy
{
    public const string DateHeader = "x-ms-date";

    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue(DateHeader, DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
}

/// <summary>
/// Shared Key authorization for the Table service (not the Blob/Queue format and not Shared Key Lite):
/// StringToSign = VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedResource, where Date is the
/// x-ms-date value and CanonicalizedResource = "/" + account + the encoded URI path (+ "?comp=..." if present).
/// For path-style URLs (Azurite) the path already starts with "/account", so the account appears twice.
/// </summary>
internal sealed class TableSharedKeyPolicy : HttpPipelineSynchronousPolicy
{
    private readonly string _accountName;
    private readonly byte[] _key;

    public TableSharedKeyPolicy(string accountName, string accountKey)
    {
        _accountName = accountName;
        _key = TableValues.TryParseBase64(accountKey, out var key)
            ? key
            : throw new ArgumentException("The account key is not valid base64.", nameof(accountKey));
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.TryGetValue("Content-MD5", out var contentMd5);
        request.Headers.TryGetValue("Content-Type", out var contentType);
        request.Headers.TryGetValue(TableDatePolicy.DateHeader, out var date);
        var stringToSign = BuildStringToSign(request.Method.Method, contentMd5, contentType, date, _accountName, request.Uri.ToUri());
        request.Headers.SetValue("Authorization", $"SharedKey {_accountName}:{Sign(_key, stringToSign)}");
    }

    internal static string BuildStringToSign(string verb, string? contentMd5, string? contentType, string? date, string accountName, Uri uri)
    {
        var resource = new StringBuilder("/").Append(accountName);
        // AbsolutePath is the path exactly as it goes on the wire (still percent-encoded).
        resource.Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");
        if (CompValue(uri.Query) is { } comp)
        {
            resource.Append("?comp=").Append(comp);
        }

        return string.Join('\n', verb.ToUpperInvariant(), contentMd5 ?? "", contentType ?? "", date ?? "", resource.ToString());
    }

    internal static string Sign(byte[] key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    private static string? CompValue(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("comp=", StringComparison.OrdinalIgnoreCase))
            {
                return pair["comp=".Length..];
            }
        }

        return null;
    }
}
