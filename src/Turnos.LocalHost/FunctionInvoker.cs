using System.Collections.Concurrent;
using System.Reflection;

namespace Turnos.LocalHost;

/// <summary>Creates the function's class and calls the method, unwrapping whatever awaitable it returns.</summary>
static class FunctionInvoker
{
    // ActivatorUtilities.CreateInstance would look the constructor up and emit a new invoker for it on every call.
    static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();

    /// <remarks>
    /// The class is built per invocation with <see cref="ActivatorUtilities"/>, as the worker's default function
    /// activator does, and like the worker we do not dispose it. No <c>ConfigureAwait(false)</c> here: orchestrator
    /// code must resume on the Durable Task scheduler that called it.
    /// </remarks>
    public static async Task<object?> InvokeAsync(FunctionDescriptor fn, IServiceProvider services, object?[] args)
    {
        var target = fn.Method.IsStatic ? null : Factories.GetOrAdd(fn.Method.DeclaringType!, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes))(services, null);
        var returned = fn.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, args, null);
        var type = fn.Method.ReturnType;
        if (returned is null || type == typeof(void))
            return null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            returned = type.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
        else if (returned is ValueTask valueTask)
            returned = valueTask.AsTask();
        if (returned is not Task task)
            return returned;
        await task;
        var result = task.GetType().GetProperty(nameof(Task<object>.Result));
        // A non-generic Task is a Task<VoidTaskResult> at run time: only read Result when the method declares one.
        return result is not null && type != typeof(Task) && type != typeof(ValueTask) ? result.GetValue(task) : null;
    }

    /// <summary>The type a caller sees as output: T for T, Task&lt;T&gt; and ValueTask&lt;T&gt;; object otherwise.</summary>
    public static Type OutputType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            return type.GetGenericArguments()[0];
        return type == typeof(void) || typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask) ? typeof(object) : type;
    }
}
