using System.Text.Json;
using Microsoft.DurableTask;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>
/// Activity inputs and outputs cross the orchestration boundary as JSON text written with
/// <see cref="OrchestrationJson"/>, so both hosts (the Functions worker's serializer and the local in-memory
/// backend's data converter) store and replay exactly the same values without being configured alike.
/// </summary>
public static class JsonActivityCalls
{
    public static async Task<TResult> CallJsonActivityAsync<TResult>(this TaskOrchestrationContext context, string name, object input, TaskOptions? options = null)
    {
        var output = await context.CallActivityAsync<string>(name, Write(input), options);
        // An activity may answer null (no message waiting): the caller's nullable TResult says so.
        return JsonSerializer.Deserialize<TResult>(output, OrchestrationJson.Options)!;
    }

    /// <summary>Written as <typeparamref name="T"/>: an outcome declared as its base type keeps its <c>$kind</c>.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, OrchestrationJson.Options);

    /// <summary>An activity's input, which is never null.</summary>
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, OrchestrationJson.Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");
}
