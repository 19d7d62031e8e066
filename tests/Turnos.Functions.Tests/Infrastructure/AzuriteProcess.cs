using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Turnos.Functions.Tests.Infrastructure;

/// <summary>
/// Runs Azurite's Table service (from the repo's scripts/node_modules) in memory on a free port.
/// Depends on the BCL only: the benchmark project links this file.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's published development key; not a secret.
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AzuriteProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string TableEndpoint => $"http://127.0.0.1:{Port}/{AccountName}";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    public static async Task<AzuriteProcess> StartAsync(CancellationToken ct = default)
    {
        var executable = FindExecutable();
        var port = FreePort();
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var arg in new[]
        {
            "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var azurite = new AzuriteProcess(process, port);
        process.OutputDataReceived += (_, e) => azurite.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await azurite.WaitUntilListeningAsync(ct).ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it would not die in time; neither should fail the test run.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"azurite-table exited with code {_process.ExitCode} before listening on port {Port}. Output:\n{Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, ct).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"azurite-table did not listen on port {Port} within {StartTimeout.TotalSeconds:0} s. Output:\n{Output()}");
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Bounded: only the start-up diagnostics matter.
            if (_output.Length < 16_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        // The port is free when we look; another process could take it before Azurite binds (rare, and it then fails loudly).
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindExecutable()
    {
        var root = FindRepoRoot();
        var bin = Path.Combine(root, "scripts", "node_modules", ".bin");
        var executable = Path.Combine(bin, OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table");
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException(
                $"Azurite is not installed ({executable} is missing). Run `npm ci --prefix scripts` in {root}.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Turnos.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find Turnos.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
