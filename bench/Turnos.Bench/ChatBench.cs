using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Bench.Stats;

namespace Turnos.Bench;

/// <summary>
/// <c>POST /api/chat</c> as the source system's gateway calls it, against the local host as its own process: sessions book
/// a meeting at the demo salon (id_empresa 123) in three calls, the way the source system's examples 1–3 do, and each
/// call's round trip (request → the turn's reply in the response) is timed — what
/// <c>agent_citas_chat_response_duration_seconds</c> measures — at 1 and 50 concurrent sessions.
/// </summary>
internal static class ChatBench
{
    private const string AdminKey = "bench-admin-key-0123456789";
    private const int Concurrent = 50;

    public static async Task RunAsync()
    {
        var folder = await LocalHostApp.BuildAsync();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var twilio = await FakeTwilio.StartAsync(WebhookBench.Token);
        var settings = WebhookBench.Settings(azurite.ConnectionString, "benchchat", twilio);
        settings["Admin__ApiKey"] = AdminKey;
        using var app = await LocalHostApp.StartAsync(folder, settings);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(150) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await BotKeyAsync(app.BaseUrl));

        await RunAsync(http, first: 0, sessions: 10, concurrency: 1);
        await RunAsync(http, first: 10, sessions: 100, concurrency: Concurrent);
        Print("1 session at a time", await RunAsync(http, first: 110, sessions: 20, concurrency: 1));
        var cpu = app.CpuTime;
        var fifty = await RunAsync(http, first: 130, sessions: 150, concurrency: Concurrent, think: TimeSpan.FromSeconds(3));
        Print($"{Concurrent} concurrent sessions, each customer taking 1.5–4.5 s to read and type", fifty);
        Console.WriteLine($"  {fifty.Calls.Count / fifty.Elapsed.TotalSeconds:F1} calls/s; app CPU {(app.CpuTime - cpu).TotalSeconds:F1} s " +
            $"in {fifty.Elapsed.TotalSeconds:F1} s of {Environment.ProcessorCount} cores");
    }

    private sealed record Run(List<double> Calls, int Booked, int Sessions, TimeSpan Elapsed);

    private static async Task<Run> RunAsync(HttpClient http, int first, int sessions, int concurrency, TimeSpan think = default)
    {
        var calls = new List<double>();
        var booked = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(first, sessions), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, ct) =>
        {
            var reply = "";
            foreach (var message in Script(n))
            {
                if (think > TimeSpan.Zero) await Task.Delay(think * (0.5 + Random.Shared.NextDouble()), ct);
                var started = Stopwatch.GetTimestamp();
                var response = await http.PostAsJsonAsync("/api/chat", new { message, session_id = 500_000 + n, context = new { config = new { id_empresa = 123 } } }, ct);
                reply = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("reply").GetString() ?? "";
                lock (calls) calls.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            if (reply.StartsWith("¡Listo!", StringComparison.Ordinal)) Interlocked.Increment(ref booked);
            else Console.Error.WriteLine($"  session {n} did not book: {reply}");
        });
        return new Run(calls, booked, sessions, watch.Elapsed);
    }

    /// <summary>Examples 1–3 of the source system's reference; session n asks for its own time (<see cref="Dialogues.SlotOf"/>),
    /// so no two sessions compete for one.</summary>
    private static string[] Script(int n)
    {
        var (day, minutes) = Dialogues.SlotOf(n);
        return ["Hola, quiero agendar una reunión", $"Para el {day:dd/MM} a las {minutes / 60}:{minutes % 60:00}", $"Ana Gómez, cliente{n}@example.com"];
    }

    private static async Task<string> BotKeyAsync(string baseUrl)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(baseUrl) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var created = await admin.PostAsJsonAsync("/api/admin/businesses/demo/keys", new { role = "bot", name = "Bench gateway" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private static void Print(string level, Run run)
    {
        Report($"chat call (POST /api/chat → its reply), {level}", run.Calls);
        Console.WriteLine($"  {run.Booked} of {run.Sessions} sessions booked");
    }
}
