using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Sweeping;
using Turnos.Functions.Tests.Support;
using Xunit.Abstractions;

namespace Turnos.Functions.Tests.Hosting;

/// <summary>
/// The Functions host runs a custom handler from its publish folder: host.json and one folder per function beside
/// the executable, which must listen on FUNCTIONS_CUSTOMHANDLER_PORT. The "custom" runtime has no .NET 10, so the
/// publish is self-contained (and ReadyToRun, for the cold start). Publishing takes a while: one test does it all.
/// </summary>
[Collection("Azurite")]
public sealed class PublishLayoutTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "turnos-publish-" + Guid.NewGuid().ToString("N"));

    private string PublishDir => Path.Combine(_root, "out");

    private static string Rid => OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64
        ? "linux-x64" : RuntimeInformation.RuntimeIdentifier;

    [Fact]
    public async Task SelfContainedPublish_HasTheCustomHandlerLayout_AndRunsAsTheFunctionsHostStartsIt()
    {
        // Only the runtime identifier: the project makes such a publish self-contained and ReadyToRun. Its own
        // artifacts folder keeps it clear of the repository's bin/obj (and of builds running meanwhile).
        var project = Path.Combine(RepoPaths.Root, "src", "Turnos.Functions");
        var watch = Stopwatch.StartNew();
        await RunAsync("dotnet", $"publish \"{project}\" -c Release -r {Rid} --artifacts-path \"{Path.Combine(_root, "artifacts")}\" -o \"{PublishDir}\"");
        output.WriteLine($"dotnet publish -c Release -r {Rid}: {watch.Elapsed.TotalSeconds:F0} s");

        var executable = AssertLayout();
        var (process, coldStart, port, log) = await StartAsync(executable);
        using (process)
        {
            try
            {
                output.WriteLine($"Cold start (process start to first 200 from /api/health), self-contained {Rid} ReadyToRun: {coldStart} ms");
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                using var response = await http.PostAsync("/Sweeper", new StringContent(SweeperEndpointTests.TimerPayload, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}\n{log}");
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                var payload = JsonNode.Parse(text)!.AsObject();
                Assert.IsType<JsonObject>(payload["Outputs"]);
                Assert.IsType<JsonArray>(payload["Logs"]);
                Assert.True(payload.ContainsKey("ReturnValue") && payload["ReturnValue"] is null);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
            }
        }

        // A second start, with the files now in the page cache, for comparison.
        var (again, warmStart, _, _) = await StartAsync(executable);
        using (again) again.Kill(entireProcessTree: true);
        output.WriteLine($"Second start (files cached): {warmStart} ms");
    }

    private string AssertLayout()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(PublishDir, "host.json")))!;
        var handler = host["customHandler"]!;
        Assert.True(handler["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("00:05:00", host["functionTimeout"]!.GetValue<string>());
        var executable = handler["description"]!["defaultExecutablePath"]!.GetValue<string>() + (OperatingSystem.IsWindows() ? ".exe" : "");
        Assert.True(File.Exists(Path.Combine(PublishDir, executable)), $"{executable} is not beside host.json");

        var api = Bindings("Api");
        Assert.Contains(api, b => b["type"]!.GetValue<string>() == "httpTrigger" && b["route"]!.GetValue<string>() == "{*path}"
            && b["authLevel"]!.GetValue<string>() == "anonymous");
        Assert.Contains(api, b => b["type"]!.GetValue<string>() == "http" && b["direction"]!.GetValue<string>() == "out");
        var timer = Assert.Single(Bindings("Sweeper"));
        Assert.Equal(("timerTrigger", "timer", "in", "0 */1 * * * *"),
            (timer["type"]!.GetValue<string>(), timer["name"]!.GetValue<string>(), timer["direction"]!.GetValue<string>(), timer["schedule"]!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(PublishDir, "seed", "demo.json")));

        // Self-contained: the runtime is in the folder. ReadyToRun: the app's code is precompiled.
        Assert.True(File.Exists(Path.Combine(PublishDir, "System.Private.CoreLib.dll")), "the publish is not self-contained");
        using var pe = new PEReader(File.OpenRead(Path.Combine(PublishDir, "Turnos.Functions.dll")));
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "Turnos.Functions.dll is not ReadyToRun");
        return executable;
    }

    private List<JsonNode> Bindings(string function) =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(PublishDir, function, "function.json")))!["bindings"]!.AsArray().Select(b => b!)];

    /// <summary>Starts the executable as the Functions host does (its port, Production) and waits for /api/health.</summary>
    private async Task<(Process Process, long ColdStartMs, int Port, StringBuilder Log)> StartAsync(string executable)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Path.Combine(PublishDir, executable))
        {
            WorkingDirectory = PublishDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Storage__TablePrefix"] = "p" + Guid.NewGuid().ToString("N")[..12],
                ["Turnos__SeedFile"] = "seed/demo.json",
                ["Turnos__DataFolder"] = Path.Combine(_root, "data"),
                // Production requires what Twilio and the admin API need.
                ["Twilio__AuthToken"] = "test-token",
                ["Twilio__PublicBaseUrl"] = "https://turnos.example.com",
                ["Admin__ApiKey"] = "test-admin-key-0123456789",
            },
        };
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        var log = new StringBuilder();
        var watch = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        while (watch.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited) // the host's limit for a handler to start
        {
            try
            {
                using var response = await http.GetAsync("/api/health");
                if (response.StatusCode == HttpStatusCode.OK) return (process, watch.ElapsedMilliseconds, port, log);
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(10);
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        lock (log) throw new Xunit.Sdk.XunitException($"The published app did not answer /api/health:\n{log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed:\n{await stdout}\n{await stderr}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
