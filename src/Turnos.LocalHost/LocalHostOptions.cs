namespace Turnos.LocalHost;

/// <summary>Settings of the local host, bound from the <c>LocalHost</c> configuration section.</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>What <c>extensions.http.routePrefix</c> in host.json is to the Functions host; "api" by default.</summary>
    public string RoutePrefix { get; set; } = "api";

    /// <summary>Turns every timer function off, so tests decide when scheduled work runs.</summary>
    public bool DisableTimers { get; set; }
}
