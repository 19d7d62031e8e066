using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;

namespace Turnos.LocalHost;

/// <summary>The trigger kinds this host runs.</summary>
public enum TriggerKind { Http, Orchestration, Activity, Timer }

/// <summary>One <c>[Function]</c> method and the parameter that carries its trigger.</summary>
public sealed record FunctionDescriptor(string Name, TriggerKind Kind, MethodInfo Method, Attribute Trigger, int TriggerPosition)
{
    public ParameterInfo TriggerParameter => Method.GetParameters()[TriggerPosition];
}

/// <summary>
/// The functions found by reflection, the way the worker SDK finds them: public methods of public types carrying
/// <see cref="FunctionAttribute"/>, classified by the trigger attribute on one of their parameters. Every parameter
/// is checked here, so a function this host could not bind fails at startup rather than on its first call.
/// </summary>
public sealed class FunctionCatalog
{
    public required IReadOnlyList<FunctionDescriptor> Functions { get; init; }

    public IEnumerable<FunctionDescriptor> OfKind(TriggerKind kind) => Functions.Where(f => f.Kind == kind);

    public static FunctionCatalog Scan(params Assembly[] assemblies) =>
        Scan(assemblies.SelectMany(a => a.GetExportedTypes()));

    internal static FunctionCatalog Scan(IEnumerable<Type> types)
    {
        var found = new List<FunctionDescriptor>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in types.Where(t => t.IsClass && !t.ContainsGenericParameters).SelectMany(t => t.GetMethods(flags)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function) continue;
            var descriptor = Describe(function.Name, method);
            if (found.Any(f => string.Equals(f.Name, descriptor.Name, StringComparison.OrdinalIgnoreCase)))
                throw Problem(descriptor.Name, method, "another function already has this name");
            found.Add(descriptor);
        }
        return new FunctionCatalog { Functions = found };
    }

    static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        if (!method.IsStatic && method.DeclaringType!.IsAbstract)
            throw Problem(name, method, "instance functions need a concrete class to create");
        var parameters = method.GetParameters();
        var triggers = parameters
            .Select(p => (p, trigger: Trigger(p)))
            .Where(x => x.trigger is not null)
            .ToList();
        if (triggers.Count != 1)
            throw Problem(name, method, triggers.Count == 0 ? "no supported trigger parameter (HTTP, orchestration, activity or timer)" : "more than one trigger");
        var (parameter, attribute) = triggers[0];
        var kind = attribute switch
        {
            HttpTriggerAttribute => TriggerKind.Http,
            OrchestrationTriggerAttribute => TriggerKind.Orchestration,
            ActivityTriggerAttribute => TriggerKind.Activity,
            _ => TriggerKind.Timer,
        };
        var descriptor = new FunctionDescriptor(name, kind, method, attribute!, parameter.Position);
        Validate(descriptor, parameters);
        return descriptor;
    }

    static Attribute? Trigger(ParameterInfo p)
    {
        var attributes = p.GetCustomAttributes().ToList();
        var supported = attributes.FirstOrDefault(a =>
            a is HttpTriggerAttribute or OrchestrationTriggerAttribute or ActivityTriggerAttribute or TimerTriggerAttribute);
        if (supported is null && attributes.FirstOrDefault(a => a is TriggerBindingAttribute) is { } other)
            throw new InvalidOperationException(
                $"The local host does not run {other.GetType().Name} functions (parameter '{p.Name}' of {p.Member.DeclaringType?.FullName}.{p.Member.Name}).");
        return supported;
    }

    // What each kind accepts mirrors the worker's bindings that exist in both hosts; FunctionContext and
    // HttpRequestData only exist under the Functions host, so functions that take them are refused (DESIGN.md §3).
    static void Validate(FunctionDescriptor fn, ParameterInfo[] parameters)
    {
        var trigger = fn.TriggerParameter;
        var expected = fn.Kind switch
        {
            TriggerKind.Http => typeof(HttpRequest),
            TriggerKind.Orchestration => typeof(TaskOrchestrationContext),
            TriggerKind.Timer => typeof(TimerInfo),
            _ => trigger.ParameterType,
        };
        if (trigger.ParameterType != expected)
            throw Problem(fn.Name, fn.Method, $"its trigger parameter '{trigger.Name}' must be {expected.Name} here, not {trigger.ParameterType.Name}");
        var extraInputs = 0;
        foreach (var p in parameters.Where(p => p.Position != fn.TriggerPosition))
        {
            if (ParameterBinding.IsCommon(p)) continue;
            if (fn.Kind == TriggerKind.Http && ParameterBinding.IsRouteOrQueryValue(p)) continue;
            // As in the Durable extension, one undecorated parameter of an orchestrator receives its input.
            if (fn.Kind == TriggerKind.Orchestration && p.GetCustomAttributes().All(a => a is not BindingAttribute) && extraInputs++ == 0) continue;
            throw Problem(fn.Name, fn.Method, $"the local host cannot bind parameter '{p.Name}' ({p.ParameterType.Name})");
        }
    }

    static InvalidOperationException Problem(string name, MethodInfo method, string why) =>
        new($"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}): {why}.");
}
