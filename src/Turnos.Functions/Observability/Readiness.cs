using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;
using Turnos.Functions.Calendar.Vault;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Observability;

/// <summary>One dependency the app cannot serve without. Throws when it is not usable.</summary>
public interface IReadinessCheck
{
    /// <summary>The name in the answer (<c>checks.storage</c>).</summary>
    string Name { get; }

    /// <summary>False when this deployment does not use the dependency (Key Vault locally).</summary>
    bool Applies { get; }

    Task CheckAsync(CancellationToken ct);
}

/// <summary>A point read in the catalog table: the cheapest request that proves the account, the credentials
/// and the table all work. The row need not exist.</summary>
public sealed class StorageReadiness(TurnosTables tables) : IReadinessCheck
{
    public string Name => "storage";

    public bool Applies => true;

    public Task CheckAsync(CancellationToken ct) => tables.Catalog.FindAsync("_health", "_health", ct: ct);
}

/// <summary>
/// Key Vault, when <c>KeyVault:Uri</c> is set: reads a secret that does not exist. 404 proves the vault answers
/// and the identity may read secrets; 401/403 (no role) and network errors fail. Uses a registered
/// <see cref="SecretClient"/> when there is one, else its own with the token vault's identity and no retries,
/// so a probe answers within its budget instead of backing off.
/// </summary>
public sealed class KeyVaultReadiness(IOptions<TokenVaultOptions> options, IServiceProvider services) : IReadinessCheck
{
    public const string ProbeSecretName = "turnos-readiness-probe";

    private readonly Lazy<SecretClient> _client = new(() => services.GetService<SecretClient>() ?? Create(options.Value));

    public string Name => "keyVault";

    public bool Applies => options.Value.UsesKeyVault;

    public async Task CheckAsync(CancellationToken ct)
    {
        try
        {
            await _client.Value.GetSecretAsync(ProbeSecretName, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Reachable and readable; the probe's secret is not meant to exist.
        }
    }

    private static SecretClient Create(TokenVaultOptions o)
    {
        var clientOptions = new SecretClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = Readiness.Budget;
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = o.ManagedIdentityClientId });
        return new SecretClient(new Uri(o.KeyVaultUri!), credential, clientOptions);
    }
}

/// <summary>Runs every check that applies, at once, each within <see cref="Budget"/>, and answers
/// 200 <c>{ status: "ready", checks }</c> or 503 ProblemDetails naming what failed.</summary>
public sealed partial class Readiness(IEnumerable<IReadinessCheck> checks, ILogger<Readiness> logger)
{
    public const string Ok = "ok";

    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async Task<IResult> AnswerAsync(CancellationToken ct)
    {
        var applying = checks.Where(c => c.Applies).ToList();
        var results = await Task.WhenAll(applying.Select(c => RunAsync(c, ct)));
        var answer = applying.Select(c => c.Name).Zip(results).ToDictionary(r => r.First, r => r.Second, StringComparer.Ordinal);
        var failed = answer.Where(r => r.Value != Ok).ToList();
        if (failed.Count == 0) return Results.Ok(new { status = "ready", checks = answer });

        foreach (var (name, problem) in failed) LogNotReady(name, problem);
        return Results.Problem(title: "Not ready", statusCode: StatusCodes.Status503ServiceUnavailable,
            detail: string.Join("; ", failed.Select(f => $"{f.Key}: {f.Value}")),
            extensions: new Dictionary<string, object?> { ["checks"] = answer });
    }

    private static async Task<string> RunAsync(IReadinessCheck check, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Budget);
        try
        {
            await check.CheckAsync(budget.Token).WaitAsync(budget.Token);
            return Ok;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {Budget.TotalSeconds:0} s";
        }
        // Only the status and code: a response body is nobody's business here.
        catch (RequestFailedException e) when (e.Status != 0)
        {
            return $"HTTP {e.Status} {e.ErrorCode}".TrimEnd();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"unreachable ({e.GetBaseException().GetType().Name})";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: {Check} {Problem}")]
    private partial void LogNotReady(string check, string problem);
}
