using Turnos.Functions.Calendar.GoogleApi;

namespace Turnos.Functions.Sweeping;

/// <summary>
/// One piece of periodic upkeep the <see cref="Sweeper"/> runs. A job must be safe to run again at any time
/// and should do a bounded amount of work per run: what is left waits for the next minute.
/// </summary>
public interface ISweepJob
{
    /// <summary>Short, stable name for logs (no customer data ever goes into a job's report).</summary>
    string Name { get; }

    /// <summary>Does what is due now; returns how many items it handled.</summary>
    Task<int> RunAsync(CancellationToken ct);
}

/// <summary>Calendar-connect links that expired; an unused one still holds a protected PKCE verifier.</summary>
internal sealed class ConnectLinksJob(ConnectStates links) : ISweepJob
{
    public string Name => "oauth-links";

    public Task<int> RunAsync(CancellationToken ct) => links.PurgeExpiredAsync(ct);
}
