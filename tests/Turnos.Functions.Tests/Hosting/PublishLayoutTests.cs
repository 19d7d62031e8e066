using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Xunit.Abstractions;

namespace Turnos.Functions.Tests.Hosting;

/// <summary>
/// The Functions host runs a custom handler from its publish folder: host.json and one folder per
/// function beside the executable, which must listen on FUNCTIONS_CUSTOMHANDLER_PORT.
/// </summary>
[Collection("Azurite")]
public sealed class PublishLayoutTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private readonly string _publishDir = Path.Combine(Path.GetTempPath(), "turnos-publish-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Publish_HasTheCustomHandlerLayout_AndTheExecutableServesHealthOnTheHostsPort()
    {
        await RunAsync("dotnet", $"publish \"{Path.Combine(RepoPaths.Root, "src", "Turnos.Functions")}\" -c {Configuration} --no-build -o \"{_publishDir}\"");

        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(_publishDir, "host.json")))!;
        var handler = host["customHandler"]!;
        var executable = handler["description"]!["defaultExecutablePath"]!.GetValue<string>();
        Assert.True(File.Exists(Path.Combine(_publishDir, executable)), $"{executable} is not beside host.json");
        Assert.True(handler["enableForwardingHttpRequest"]!.GetValue<bool>());
        var bindings = JsonNode.Parse(File.ReadAllText(Path.Combine(_publishDir, "Api", "function.json")))!["bindings"]!.AsArray();
        Assert.Contains(bindings, b => b!["type"]!.GetValue<string>() == "httpTrigger" && b["route"]!.GetValue<string>() == "{*path}");
        Assert.Contains(bindings, b => b!["type"]!.GetValue<string>() == "http" && b["direction"]!.GetValue<string>() == "out");
        Assert.True(File.Exists(Path.Combine(_publishDir, "seed", "demo.json")));

        var port = FreePort();
        var start = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(_publishDir, executable))
        {
            WorkingDirectory = _publishDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(),
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Storage__TablePrefix"] = "p" + Guid.NewGuid().ToString("N")[..12],
                ["Turnos__SeedFile"] = "seed/demo.json",
                // Production (no environment set) requires what Twilio needs.
                ["Twilio__AuthToken"] = "test-token",
                ["Twilio__PublicBaseUrl"] = "https://turnos.example.com",
                ["Admin__ApiKey"] = "test-admin-key-0123456789",
            },
        })!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var status = await PollHealthAsync(http, process, log);
            output.WriteLine($"Cold start to first /api/health 200: {start.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<HttpStatusCode?> PollHealthAsync(HttpClient http, Process process, System.Text.StringBuilder log)
    {
        for (var i = 0; i < 300 && !process.HasExited; i++)
        {
            try { return (await http.GetAsync("/api/health")).StatusCode; }
            catch (HttpRequestException) { await Task.Delay(100); }
        }
        lock (log) throw new Xunit.Sdk.XunitException($"The published app did not answer:\n{log}");
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

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
        if (Directory.Exists(_publishDir)) Directory.Delete(_publishDir, recursive: true);
    }
}
