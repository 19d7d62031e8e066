using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Turnos.LocalHost;

/// <summary>Runs an <c>[ActivityTrigger]</c> method as a Durable Task activity of the same name.</summary>
/// <param name="services">The scope the Durable Task worker opened for this work item.</param>
sealed class ActivityFunction(FunctionDescriptor fn, IServiceProvider services) : ITaskActivity
{
    // The SDK deserialises the input to this type before calling us, as the worker's activity binding does.
    public Type InputType => fn.TriggerParameter.ParameterType;

    public Type OutputType => FunctionInvoker.OutputType(fn.Method);

    public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
        FunctionInvoker.InvokeAsync(fn, services, fn.Method.GetParameters()
            .Select(p => p.Position == fn.TriggerPosition ? input : ParameterBinding.BindCommon(p, services, CancellationToken.None))
            .ToArray());
}

/// <summary>Runs an <c>[OrchestrationTrigger]</c> method as a Durable Task orchestrator of the same name.</summary>
/// <param name="services">
/// The root provider: the SDK's public registry only takes parameterless orchestrator factories, and orchestrator
/// code is deterministic and does no I/O, so it has no business with scoped services.
/// </param>
sealed class OrchestratorFunction(FunctionDescriptor fn, IServiceProvider services, DataConverter converter) : ITaskOrchestrator
{
    // As in the Durable extension, an undecorated parameter besides the context receives the input; without one the
    // input stays untyped and GetInput<T>() converts it on demand.
    readonly System.Reflection.ParameterInfo? inputParameter = fn.Method.GetParameters().FirstOrDefault(p =>
        p.Position != fn.TriggerPosition && !ParameterBinding.IsCommon(p) && p.GetCustomAttributes(typeof(BindingAttribute), true).Length == 0);

    public Type InputType => inputParameter?.ParameterType ?? typeof(object);

    public Type OutputType => FunctionInvoker.OutputType(fn.Method);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var wrapped = new FunctionOrchestrationContext(context, input, converter, services.GetRequiredService<ILoggerFactory>());
        return FunctionInvoker.InvokeAsync(fn, services, fn.Method.GetParameters().Select(p =>
            p.Position == fn.TriggerPosition ? wrapped
            : p.Position == inputParameter?.Position ? input
            : ParameterBinding.BindCommon(p, services, CancellationToken.None)).ToArray());
    }
}
