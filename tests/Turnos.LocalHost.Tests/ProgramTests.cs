using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Turnos.LocalHost.Tests;

/// <summary>The LocalHost executable itself, on Kestrel, as ./scripts/run.sh will start it.</summary>
/// <remarks>Alone, so the processes it starts do not compete for loopback ports with the in-process hosts.</remarks>
[Collection(nameof(ProgramTests))]
public sealed class ProgramTests
{
    static readonly string HostDll = typeof(Program).Assembly.Location;
    static readonly string SamplesDll = typeof(ProgramTests).Assembly.Location;

    [Fact]
    public async Task Without_a_functions_assembly_it_stops_with_an_explanation()
    {
        var (exitCode, output) = await RunToEndAsync($"\"{HostDll}\" --urls http://127.0.0.1:{FreePort()}");

        Assert.Equal(1, exitCode);
        Assert.Contains("No functions to run: set LocalHost:FunctionsAssembly", output);
    }

    [Fact]
    public async Task Given_a_dll_path_and_urls_it_serves_that_assemblys_functions_on_Kestrel()
    {
        var port = FreePort();
        using var host = Start($"\"{HostDll}\" --urls http://127.0.0.1:{port} --LocalHost:FunctionsAssembly \"{SamplesDll}\" --LocalHost:DisableTimers true");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpResponseMessage? response = null;
            while (response is null && DateTime.UtcNow < deadline && !host.HasExited)
            {
                try { response = await client.GetAsync("/api/health"); }
                catch (HttpRequestException) { await Task.Delay(200); }
            }

            Assert.NotNull(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("""{"status":"ok","source":"sample"}""", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    static Process Start(string arguments)
    {
        var info = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("LocalHost__FunctionsAssembly");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task<(int ExitCode, string Output)> RunToEndAsync(string arguments)
    {
        var info = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment.Remove("LocalHost__FunctionsAssembly");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(nameof(ProgramTests), DisableParallelization = true)]
public sealed class ProgramTestsCollection;
