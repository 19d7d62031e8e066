using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Turnos.Bench;

/// <summary>
/// The app as <c>scripts/run.sh</c> runs it: Turnos.LocalHost built together with Turnos.Functions
/// (<c>-p:FunctionsProject</c>, so the two share one version of every dependency) and started as its own process from its
/// output folder, with the functions assembly named by <c>--LocalHost:FunctionsAssembly</c>.
/// </summary>
internal sealed class LocalHostApp : IDisposable
{
    private readonly Process _process;

    private LocalHostApp(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Builds the local host with the app, in the configuration the bench itself was built in; returns its output folder.</summary>
    public static async Task<string> BuildAsync()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var root = RepoRoot();
        var project = Path.Combine(root, "src", "Turnos.LocalHost", "Turnos.LocalHost.csproj");
        var functions = Path.Combine(root, "src", "Turnos.Functions", "Turnos.Functions.csproj");
        var build = new ProcessStartInfo("dotnet", ["build", project, "-c", configuration, $"-p:FunctionsProject={functions}", "--nologo", "-v", "q", "-clp:ErrorsOnly"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(build)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"Building the local host failed:\n{await output}{await error}");
        var folder = Path.Combine(root, "src", "Turnos.LocalHost", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(folder, "Turnos.Functions.dll"))
            ? folder
            : throw new InvalidOperationException($"{folder} holds no Turnos.Functions.dll: was the local host built with FunctionsProject?");
    }

    /// <summary>Starts the built local host on a free port with these settings (environment variables) and waits until it is healthy.</summary>
    public static async Task<LocalHostApp> StartAsync(string folder, IReadOnlyDictionary<string, string> settings)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(folder, "Turnos.LocalHost.dll"), "--LocalHost:FunctionsAssembly=Turnos.Functions"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Nothing from the bench's own environment decides where the app listens or what it runs.
        foreach (var inherited in new[] { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "LocalHost__FunctionsAssembly", "DOTNET_ENVIRONMENT" })
            start.Environment.Remove(inherited);
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        foreach (var (name, value) in settings) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new LocalHostApp(process, baseUrl);
        await app.WaitForHealthAsync();
        return app;
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600 && !_process.HasExited; i++)
        {
            try { if ((await http.GetAsync("/api/health")).IsSuccessStatusCode) return; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(100);
        }
        Dispose();
        throw new InvalidOperationException("The local host did not become healthy within 60 s.");
    }

    /// <summary>CPU time the process has used so far, all threads.</summary>
    public TimeSpan CpuTime => _process.TotalProcessorTime;

    /// <summary>The process's peak resident memory (VmHWM), in MiB.</summary>
    public long PeakMemoryMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Turnos.Functions.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Could not find Turnos.Functions.sln above {AppContext.BaseDirectory}.");
    }

    public static string Seed => Path.Combine(RepoRoot(), "seed", "demo.json");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
