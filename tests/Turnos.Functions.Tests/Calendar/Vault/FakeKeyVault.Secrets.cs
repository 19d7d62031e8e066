using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Turnos.Functions.Tests.Calendar.Vault;

internal sealed partial class FakeKeyVault
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<string>> _live = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _deleted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The latest value of a live secret, or null.</summary>
    public string? Value(string name)
    {
        lock (_lock) return _live.TryGetValue(name, out var versions) ? versions[^1] : null;
    }

    public bool IsSoftDeleted(string name)
    {
        lock (_lock) return _deleted.ContainsKey(name);
    }

    public void Seed(string name, string value)
    {
        lock (_lock) _live[name] = [value];
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue($"{request.Method} {request.Path}");
        if (request.Headers.Authorization != $"Bearer {FakeCredential.Token}")
        {
            context.Response.Headers.WWWAuthenticate = ChallengeWithScope
                ? $"Bearer authorization=\"https://login.microsoftonline.com/{Tenant}\", scope=\"https://vault.azure.net/.default\""
                : $"Bearer authorization=\"https://login.microsoftonline.com/{Tenant}\", resource=\"https://vault.azure.net\"";
            await Error(context, 401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
            return;
        }
        if (Interlocked.Decrement(ref _throttled) >= 0)
        {
            context.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Error(context, 429, "Throttled", "Request was not allowed because of throttling.");
            return;
        }
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var path = request.Path.Value!.Trim('/').Split('/');
        var (status, json) = (request.Method, path) switch
        {
            ("PUT", ["secrets", var name]) => Set(name, JsonNode.Parse(body)!["value"]!.GetValue<string>()),
            ("GET", ["secrets", var name, ..]) => Get(name),
            ("DELETE", ["secrets", var name]) => Delete(name),
            ("GET", ["deletedsecrets", var name]) => GetDeleted(name),
            ("DELETE", ["deletedsecrets", var name]) => Purge(name),
            ("POST", ["deletedsecrets", var name, "recover"]) => Recover(name),
            _ => (400, ErrorBody("BadParameter", "Not supported by the fake.")),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (json is not null) await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }

    private (int, JsonObject?) Set(string name, string value)
    {
        if (RefuseSet?.Invoke(value) is { } refused)
            return (refused, ErrorBody("BadParameter", $"The value '{value}' is not accepted."));
        lock (_lock)
        {
            if (_deleted.ContainsKey(name))
                return (409, ErrorBody("Conflict",
                    $"Secret {name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.",
                    "ObjectIsDeletedButRecoverable"));
            if (!_live.TryGetValue(name, out var versions)) _live[name] = versions = [];
            versions.Add(value);
            return (200, Bundle(name, value));
        }
    }

    private (int, JsonObject?) Get(string name)
    {
        lock (_lock)
            return _live.TryGetValue(name, out var versions)
                ? (200, Bundle(name, versions[^1]))
                : (404, ErrorBody("SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault."));
    }

    private (int, JsonObject?) Delete(string name)
    {
        lock (_lock)
        {
            if (!_live.Remove(name, out var versions)) return (404, ErrorBody("SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault."));
            _deleted[name] = versions;
            return (200, Deleted(name));
        }
    }

    private (int, JsonObject?) GetDeleted(string name)
    {
        lock (_lock) return _deleted.ContainsKey(name) ? (200, Deleted(name)) : (404, ErrorBody("SecretNotFound", $"Deleted Secret not found: {name}"));
    }

    private (int, JsonObject?) Purge(string name)
    {
        lock (_lock) return _deleted.Remove(name) ? (204, null) : (404, ErrorBody("SecretNotFound", $"Deleted Secret not found: {name}"));
    }

    private (int, JsonObject?) Recover(string name)
    {
        lock (_lock)
        {
            if (!_deleted.Remove(name, out var versions)) return (404, ErrorBody("SecretNotFound", $"Deleted Secret not found: {name}"));
            _live[name] = versions;
            return (200, Bundle(name, value: null));
        }
    }

    private JsonObject Bundle(string name, string? value)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var bundle = new JsonObject
        {
            ["id"] = $"{VaultUri}secrets/{name}/{Guid.NewGuid():N}",
            ["attributes"] = new JsonObject
            {
                ["enabled"] = true, ["created"] = now, ["updated"] = now, ["recoveryLevel"] = "Recoverable+Purgeable", ["recoverableDays"] = 90,
            },
        };
        if (value is not null) bundle["value"] = value;
        return bundle;
    }

    private JsonObject Deleted(string name)
    {
        var bundle = Bundle(name, value: null);
        var now = DateTimeOffset.UtcNow;
        bundle["recoveryId"] = $"{VaultUri}deletedsecrets/{name}";
        bundle["deletedDate"] = now.ToUnixTimeSeconds();
        bundle["scheduledPurgeDate"] = now.AddDays(90).ToUnixTimeSeconds();
        return bundle;
    }

    private static JsonObject ErrorBody(string code, string message, string? inner = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (inner is not null) error["innererror"] = new JsonObject { ["code"] = inner };
        return new JsonObject { ["error"] = error };
    }

    private static Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(ErrorBody(code, message).ToJsonString());
    }
}
