using System.Runtime.CompilerServices;

namespace Turnos.Functions.Tests.Support;

internal static class TestProcess
{
    /// <summary>
    /// The suite starts hundreds of hosts (the app, fake servers, loopback sites), and each would watch its configuration
    /// files for changes with an inotify instance — a Linux user gets 128, and a run ran out of them. None of them needs
    /// to reload its configuration, so no host in this process watches it (before any test builds one).
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
