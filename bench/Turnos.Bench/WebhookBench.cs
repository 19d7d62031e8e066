using System.Diagnostics;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Hosting;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.WhatsApp;
using static Turnos.Bench.Stats;

namespace Turnos.Bench;

/// <summary>
/// WhatsApp messages end to end as in production, minus the cloud: the local host runs Turnos.Functions as its own
/// process (as <c>scripts/run.sh</c> does), Azurite as another, and customers book through signed Twilio posts with the
/// rules understanding; the replies come back through the Twilio Messages API, faked in this process. Reports the
/// webhook's acknowledgement and message-to-reply at 1 and 50 concurrent conversations against the targets, with raw
/// Azurite latencies measured in the same run, the app's CPU and peak memory and its storage calls per message.
/// </summary>
internal static class WebhookBench
{
    internal const string Token = "bench-token";
    private const int Concurrent = 50;

    /// <summary>
    /// The processor count the app process is told. The local host's in-memory Durable backend (InProcessTestHost) runs
    /// at most that many activities and as many orchestrator episodes at once and, when full, looks again only every
    /// 500 ms; at the machine's own count (2 here) 50 conversations queue behind it for tens of seconds. 64 is more than
    /// the 50 conversations can keep busy, so the backend is not what is measured.
    /// </summary>
    private const int AppProcessorCount = 64;

    /// <summary>
    /// How long a paced customer takes, on average, between the last reply and the next message (1.5–4.5 s, at random).
    /// People read and type for longer (seconds to minutes); 3 s keeps 50 conversations busy together. The targets are judged on the paced run: 50
    /// customers chatting at once. The unpaced run, each conversation writing again the instant its turn ends, finds
    /// where this machine saturates and is reported beside it.
    /// </summary>
    private static readonly TimeSpan Think = TimeSpan.FromSeconds(3);

    public static async Task RunAsync()
    {
        Console.WriteLine($"webhook bench: load average {LoadAverage()} at the start; building the local host with Turnos.Functions");
        var folder = await LocalHostApp.BuildAsync();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var twilio = await FakeTwilio.StartAsync(Token);
        using var app = await LocalHostApp.StartAsync(folder, Settings(azurite.ConnectionString, "benchwh", twilio));
        var dialogues = new Dialogues(app.BaseUrl, Token, twilio, Inbox(azurite.ConnectionString, "benchwh"));
        Console.WriteLine($"  app process: DOTNET_PROCESSOR_COUNT={AppProcessorCount} (the in-memory Durable backend's concurrency; see README)");

        // Warm-up at both levels: JIT, connection pools, the thread pool's growth and Azurite's first tables are not measured.
        await dialogues.RunAsync(first: 0, conversations: 10, concurrency: 1);
        await dialogues.RunAsync(first: 10, conversations: 100, concurrency: Concurrent);
        Print("1 conversation at a time", await dialogues.RunAsync(first: 110, conversations: 20, concurrency: 1));
        var (appCpu, benchCpu) = (app.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
        var fifty = await dialogues.RunAsync(first: 130, conversations: 150, concurrency: Concurrent, think: Think);
        Print($"{Concurrent} concurrent conversations, customers taking 0.5–1.5 × {Think.TotalSeconds:F0} s to read and type", fifty);
        PrintLoad(fifty, app, appCpu, benchCpu);
        (appCpu, benchCpu) = (app.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
        var flat = await dialogues.RunAsync(first: 280, conversations: 150, concurrency: Concurrent);
        Print($"{Concurrent} concurrent conversations, each message sent the moment the last turn ended (saturation)", flat);
        PrintLoad(flat, app, appCpu, benchCpu);

        // Every conversation of the runs is an instance waiting for its next message now: what do they cost at rest?
        var restingCpu = app.CpuTime;
        await Task.Delay(TimeSpan.FromSeconds(10));
        Console.WriteLine($"  app CPU at rest with {430} conversations waiting: {(app.CpuTime - restingCpu).TotalMilliseconds / 10:F0} ms per second");

        var writes = await RawAzurite.PointWritesAsync(azurite.ConnectionString, Concurrent);
        Report($"raw Azurite, same run, {Concurrent} concurrent point writes (single-entity insert, Azure.Data.Tables)", writes.Latencies);
        var reads = await RawAzurite.PointReadsAsync(azurite.ConnectionString, Concurrent);
        Report($"raw Azurite, same run, {Concurrent} concurrent point reads", reads.Latencies);
        Console.WriteLine($"  {writes.PerSecond:F0} writes/s, {reads.PerSecond:F0} reads/s");

        var (ack, write, reply) = (Percentile(fifty.Acks, 0.99), Percentile(writes.Latencies, 0.99), Percentile(fifty.Replies, 0.99));
        Console.WriteLine($"target: ack p99 {ack:F1} ms vs 2 × raw point-write p99 {write:F1} ms (= {2 * write:F1} ms) " +
            $"at {Concurrent} concurrent: {(ack < 2 * write ? "met" : "not met")}");
        Console.WriteLine($"target: message-to-reply p99 {reply:F1} ms vs 1000 ms at {Concurrent} concurrent: {(reply < 1000 ? "met" : "not met")}");
        Console.WriteLine($"  app peak memory (VmHWM): {app.PeakMemoryMiB()} MiB");
        app.Dispose();
        await CountStorageCallsAsync(folder, azurite, twilio);
        Console.WriteLine($"webhook bench: load average {LoadAverage()} at the end");
    }

    private static void PrintLoad(Dialogues.Run run, LocalHostApp app, TimeSpan appCpu, TimeSpan benchCpu) =>
        Console.WriteLine($"  messages/s: {run.Acks.Count / run.Elapsed.TotalSeconds:F1} " +
            $"({run.Acks.Count} messages in {run.Elapsed.TotalSeconds:F1} s); CPU meanwhile: app {(app.CpuTime - appCpu).TotalSeconds:F1} s, " +
            $"bench {(Process.GetCurrentProcess().TotalProcessorTime - benchCpu).TotalSeconds:F1} s of {Environment.ProcessorCount} cores; " +
            $"load average {LoadAverage()}");

    private static void Print(string level, Dialogues.Run run)
    {
        Report($"webhook acknowledgement (post → 200 empty TwiML), {level}", run.Acks);
        Report($"message-to-reply (post → last reply of the turn at the fake Twilio), {level}", run.Replies);
        Report("  of which post → first reply", run.FirstReplies);
        Report("  of which acknowledgement → first reply", [.. run.FirstReplies.Zip(run.Acks, (first, ack) => first - ack)]);
        Console.WriteLine($"  {(double)run.RepliesReceived / run.Acks.Count:F2} replies per message; {run.Booked} of {run.Conversations} conversations booked");
    }

    /// <summary>A second app behind a counting proxy (not timed): storage requests per message, webhook and orchestration
    /// activities together, warm. The bench's own look at the inbox goes to Azurite directly and is not counted.</summary>
    private static async Task CountStorageCallsAsync(string folder, AzuriteProcess azurite, FakeTwilio twilio)
    {
        await using var counter = await StorageCallCounter.StartAsync(azurite);
        using var app = await LocalHostApp.StartAsync(folder, Settings(counter.ConnectionString, "benchcount", twilio));
        // Another table prefix: the same customer numbers start fresh conversations and find their times free.
        var dialogues = new Dialogues(app.BaseUrl, Token, twilio, Inbox(azurite.ConnectionString, "benchcount"));
        await dialogues.RunAsync(first: 0, conversations: 2, concurrency: 1);
        var (before, kindsBefore) = (counter.Count, counter.Kinds);
        var run = await dialogues.RunAsync(first: 2, conversations: 4, concurrency: 1);
        var calls = counter.Count - before;
        foreach (var (kind, n) in counter.Kinds.Select(k => (k.Key, k.Value - kindsBefore.GetValueOrDefault(k.Key))).Where(k => k.Item2 > 0).OrderByDescending(k => k.Item2))
            Console.WriteLine($"    {kind}: {(double)n / run.Acks.Count:F2} per message");
        Console.WriteLine($"  storage calls per message (booking dialogue, warm, webhook + orchestration activities): {(double)calls / run.Acks.Count:F1} " +
            $"({calls} calls for {run.Acks.Count} messages; the local host keeps orchestration state in memory, Azure keeps it in Storage too)");
    }

    internal static Dictionary<string, string> Settings(string storage, string prefix, FakeTwilio twilio) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        // Every turn logs at Information; writing that to a console under load is not what is measured.
        ["Logging__LogLevel__Default"] = "Warning",
        // Errors go to stderr, which the bench shows; the rest of the app's output is dropped.
        ["Logging__Console__LogToStandardErrorThreshold"] = "Error",
        ["Storage__ConnectionString"] = storage,
        ["Storage__TablePrefix"] = prefix,
        ["Turnos__SeedFile"] = LocalHostApp.Seed,
        ["Twilio__AuthToken"] = Token,
        ["Twilio__AccountSid"] = FakeTwilio.AccountSid,
        ["Twilio__ApiBaseUrl"] = twilio.BaseUrl,
        // The rules understand every message: no language model, whatever the bench's environment holds.
        ["OpenAI__ApiKey"] = "",
        // The sweeper and history purge would add storage work at random moments.
        ["LocalHost__DisableTimers"] = "true",
        ["DOTNET_PROCESSOR_COUNT"] = AppProcessorCount.ToString(),
        // The thread pool scales its spinning by the processor count; told 64, its idle workers would burn the 2 real
        // cores spinning (about 40% of the app's CPU samples in a trace) instead of sleeping.
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
    };

    private static ConversationInbox Inbox(string connectionString, string prefix)
    {
        var storage = Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = prefix });
        return new ConversationInbox(new WhatsAppTables(new TurnosTables(storage), storage), TimeProvider.System);
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
