using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.WhatsApp;
using static Turnos.Bench.Stats;

namespace Turnos.Bench;

/// <summary>
/// Webhook turns end to end: the app runs as its own process (as under the Functions host), Azurite as
/// another, and customers book through signed Twilio posts with the rules understanding. Reports turn
/// latency at 1 and 50 concurrent conversations, turns/s beside raw Azurite operations/s measured in the
/// same run, and the app's peak memory.
/// </summary>
internal static class WebhookBench
{
    private const string Token = "bench-token";
    private const string DemoNumber = "+14155238886";

    public static async Task RunAsync()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var app = StartApp(azurite, port, baseUrl);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        await WaitForHealthAsync(http, app);

        var customer = 0;
        // Warm-up at both levels: JIT, connection pools and the thread pool's growth are not what is measured.
        await RunConversationsAsync(http, baseUrl, 10, 1, () => Interlocked.Increment(ref customer));
        await RunConversationsAsync(http, baseUrl, 100, 50, () => Interlocked.Increment(ref customer));
        var one = await RunConversationsAsync(http, baseUrl, 20, 1, () => Interlocked.Increment(ref customer));
        Report("webhook turn, 1 conversation at a time (rules understanding)", one.Latencies);
        var fifty = await RunConversationsAsync(http, baseUrl, 150, 50, () => Interlocked.Increment(ref customer));
        Report("webhook turn, 50 concurrent conversations", fifty.Latencies);
        Console.WriteLine($"  turns/s at 50 concurrent: {fifty.Latencies.Count / fifty.Elapsed.TotalSeconds:F0} " +
            $"({fifty.Latencies.Count} turns in {fifty.Elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"  raw Azurite, same run, 50 concurrent point reads: {await RawOpsPerSecondAsync(azurite, read: true):F0} ops/s; " +
            $"inserts: {await RawOpsPerSecondAsync(azurite, read: false):F0} ops/s");
        Console.WriteLine($"  app peak memory (VmHWM): {PeakMemoryMiB(app.Id)} MiB");
        app.Kill(entireProcessTree: true);
        await CountStorageCallsAsync(azurite);
    }

    /// <summary>A second app behind a counting proxy (not timed): storage requests per webhook turn, warm.</summary>
    private static async Task CountStorageCallsAsync(AzuriteProcess azurite)
    {
        await using var counter = await StorageCallCounter.StartAsync(azurite);
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var app = StartApp(azurite, port, baseUrl, counter.ConnectionString);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        await WaitForHealthAsync(http, app);
        var customer = 900_000;
        await RunConversationsAsync(http, baseUrl, 2, 1, () => Interlocked.Increment(ref customer));
        var before = counter.Count;
        var turns = await RunConversationsAsync(http, baseUrl, 10, 1, () => Interlocked.Increment(ref customer));
        var calls = counter.Count - before;
        Console.WriteLine($"  storage calls per webhook turn (booking dialogue, warm): {(double)calls / turns.Latencies.Count:F1} " +
            $"({calls} calls in {turns.Latencies.Count} turns)");
        app.Kill(entireProcessTree: true);
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> RunConversationsAsync(
        HttpClient http, string baseUrl, int conversations, int concurrency, Func<int> nextCustomer)
    {
        var latencies = new List<double>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) =>
        {
            var n = nextCustomer();
            var phone = $"+54911{n:00000000}";
            var day = DateTime.UtcNow.Date.AddDays(2 + n % 20);
            if (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(1);
            string[] script =
            [
                "hola",
                $"quiero un corte el {day:dd/MM} a las {9 + n % 9}",
                $"Cliente {Letters(n)}",
                $"cliente{n}@example.com",
                "sí",
            ];
            foreach (var text in script)
            {
                var t = Stopwatch.GetTimestamp();
                var response = await PostAsync(http, baseUrl, phone, text, ct);
                var elapsed = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Turn answered {response.StatusCode}.");
                lock (latencies) latencies.Add(elapsed);
            }
        });
        return (latencies, watch.Elapsed);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string baseUrl, string phone, string text, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["From"] = "whatsapp:" + phone,
            ["To"] = "whatsapp:" + DemoNumber,
            ["Body"] = text,
            ["NumMedia"] = "0",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/whatsapp") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(Token, baseUrl + "/api/whatsapp", form));
        return http.SendAsync(request, ct);
    }

    private static async Task<double> RawOpsPerSecondAsync(AzuriteProcess azurite, bool read)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("benchraw");
        await table.CreateIfNotExistsAsync();
        await table.TryUpsertAsync(new TableEntity("p", "r") { ["Value"] = 1 });
        const int ops = 3000;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, ops), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, ct) =>
        {
            if (read) await table.FindAsync("p", "r", ct: ct);
            else await table.TryAddAsync(new TableEntity($"p{i % 50}", Guid.NewGuid().ToString("N")) { ["Value"] = i }, ct);
        });
        return ops / watch.Elapsed.TotalSeconds;
    }

    private static Process StartApp(AzuriteProcess azurite, int port, string baseUrl, string? storage = null)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Turnos.Functions.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Storage__ConnectionString"] = storage ?? azurite.ConnectionString,
                ["Storage__TablePrefix"] = "benchwh",
                ["Turnos__SeedFile"] = Path.Combine(AppContext.BaseDirectory, "seed", "demo.json"),
                ["Twilio__AuthToken"] = Token,
                ["Twilio__PublicBaseUrl"] = baseUrl,
                ["Admin__ApiKey"] = "bench-admin-key-0123456789",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process app)
    {
        for (var i = 0; i < 300 && !app.HasExited; i++)
        {
            try { if ((await http.GetAsync("/api/health")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The app did not start.");
    }

    private static long PeakMemoryMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    // Names cannot hold digits, so the customer number is spelled in letters.
    private static string Letters(int n) => new([.. n.ToString().Select(c => (char)('a' + (c - '0')))]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
