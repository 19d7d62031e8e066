using Microsoft.Extensions.DependencyInjection;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Tests.Conversations.Orchestration;

/// <summary>One activity call as an orchestration's history keeps it: the name, the input and the output (all JSON text,
/// see <see cref="JsonActivityCalls"/>).</summary>
internal sealed record ActivityCall(string Name, string Input, string Output);

/// <summary>
/// A stand-in for the Durable Task runtime, to run one generation of the conversation orchestrator twice: first
/// <see cref="Record"/>ing it against the real activities, then <see cref="Replay"/>ing it as the runtime does after a
/// restart, answering each call from the recording. The runtime fails a replay whose n-th call differs from its history
/// (a non-deterministic orchestrator); so does this context, with the two calls side by side.
/// </summary>
internal sealed class ReplayContext : TaskOrchestrationContext
{
    private readonly ConversationActivities? _activities; // record mode
    private readonly IServiceProvider? _services; // record mode: what an activity's other parameters bind to
    private readonly ReplayContext? _recording; // replay mode
    private readonly ConversationRef _conversation;
    private readonly string? _input;
    private readonly DateTime _startedUtc;

    private ReplayContext(ConversationActivities? activities, IServiceProvider? services, ReplayContext? recording, ConversationRef conversation,
        string? input, DateTime startedUtc)
    {
        (_activities, _services, _recording, _conversation, _input, _startedUtc) = (activities, services, recording, conversation, input, startedUtc);
    }

    /// <summary>A generation run for real: <paramref name="carry"/> is the previous generation's
    /// <see cref="ContinuedWith"/> (null: the first, started without input).</summary>
    public static ReplayContext Record(IServiceProvider services, ConversationRef conversation, string? carry, DateTimeOffset now) =>
        new(ActivatorUtilities.CreateInstance<ConversationActivities>(services), services, null, conversation, carry, now.UtcDateTime);

    /// <summary>The same generation replayed from its history: the same input, the same orchestration time, the
    /// activities' recorded outputs.</summary>
    public static ReplayContext Replay(ReplayContext recording) =>
        new(null, null, recording, recording._conversation, recording._input, recording._startedUtc);

    /// <summary>The calls this run made, in order.</summary>
    public List<ActivityCall> Calls { get; } = [];

    /// <summary>The input the next generation is continued with (JSON, as the history stores it), or null.</summary>
    public string? ContinuedWith { get; private set; }

    public string? CustomStatus { get; private set; }

    public override TaskName Name => ConversationOrchestrator.Name;

    public override string InstanceId => _conversation.InstanceId;

    public override ParentOrchestrationInstance? Parent => null;

    // The orchestration's time comes from its history, so a replay sees the time the recording saw.
    public override DateTime CurrentUtcDateTime => _startedUtc;

    public override bool IsReplaying => _recording is not null;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override T? GetInput<T>() where T : default => _input is null ? default : JsonSerializer.Deserialize<T>(_input, OrchestrationJson.Options);

    public override async Task<T> CallActivityAsync<T>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var text = input as string ?? throw new ArgumentException($"{name} was called with {input?.GetType().Name ?? "null"}, not JSON text.");
        var call = _recording is null ? new ActivityCall(name.Name, text, await InvokeAsync(name.Name, text)) : FromHistory(name.Name, text);
        Calls.Add(call);
        return (T)(object)call.Output;
    }

    // What the runtime does on replay: the n-th call must be the n-th call in the history, or the orchestration fails.
    private ActivityCall FromHistory(string name, string input)
    {
        var n = Calls.Count;
        if (n >= _recording!.Calls.Count)
            Assert.Fail($"Replay made call #{n + 1}, {name}({input}), which the recording did not make.");
        var recorded = _recording.Calls[n];
        if (recorded.Name != name || recorded.Input != input)
            Assert.Fail($"Replay's call #{n + 1} differs from the recording:\n  recorded {recorded.Name}({recorded.Input})\n  replayed {name}({input})");
        return recorded;
    }

    // The activity method the Functions host would run for this name, on the real activities.
    private async Task<string> InvokeAsync(string name, string input)
    {
        var method = typeof(ConversationActivities).GetMethods()
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name);
        // Bound as the host binds them: the trigger's input, a cancellation token, a [DurableClient].
        var arguments = method.GetParameters().Select(p =>
            p.ParameterType == typeof(string) ? input
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : _services!.GetRequiredService(p.ParameterType)).ToArray();
        return await (Task<string>)method.Invoke(_activities, arguments)!;
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinuedWith = JsonSerializer.Serialize(newInput, OrchestrationJson.Options);

    public override void SetCustomStatus(object? customStatus) =>
        CustomStatus = JsonSerializer.Serialize(customStatus, OrchestrationJson.Options);

    // The idle timer of a wait for the next message: it loses to the event below, which cancels it.
    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken);

    /// <summary>The event that announces the test's next message, at once; kept among the calls as <c>event:</c> and its
    /// name, and on replay answered from the recording like a call.</summary>
    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var call = _recording is null ? new ActivityCall(EventCall + eventName, "", "") : FromHistory(EventCall + eventName, "");
        Calls.Add(call);
        return Task.FromResult((T)(object)"announced");
    }

    public const string EventCall = "event:";

    public override void SendEvent(string instanceId, string eventName, object payload) => throw Unexpected();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw Unexpected();

    public override Guid NewGuid() => throw Unexpected();

    public override TaskOrchestrationEntityFeature Entities => throw Unexpected();

    private static NotSupportedException Unexpected() => new("The conversation orchestrator was not expected to call this here.");
}
