using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask.Client;

namespace Turnos.LocalHost;

/// <summary>Binds function parameters the way the isolated worker does for the bindings both hosts share.</summary>
static class ParameterBinding
{
    /// <summary>Parameters any function may take: a cancellation token and a durable client.</summary>
    public static bool IsCommon(ParameterInfo p) =>
        p.ParameterType == typeof(CancellationToken) || IsDurableClient(p);

    static bool IsDurableClient(ParameterInfo p) =>
        p.GetCustomAttribute<DurableClientAttribute>() is not null && p.ParameterType == typeof(DurableTaskClient);

    /// <summary>Strings and types a <see cref="TypeConverter"/> builds from a string (int, Guid, DateOnly, enums…).</summary>
    public static bool IsRouteOrQueryValue(ParameterInfo p) =>
        p.GetCustomAttributes().All(a => a is not BindingAttribute)
        && (p.ParameterType == typeof(string) || TypeDescriptor.GetConverter(Underlying(p.ParameterType)).CanConvertFrom(typeof(string)));

    public static object? BindCommon(ParameterInfo p, IServiceProvider services, CancellationToken cancellation) =>
        p.ParameterType == typeof(CancellationToken)
            ? cancellation
            : services.GetRequiredService<DurableTaskClient>();

    /// <summary>
    /// The binding data of an HTTP trigger holds the route values and the query string, so a parameter binds by its
    /// name to either (route first); a value that does not convert fails the invocation, as a binding error does.
    /// </summary>
    public static object?[] BindHttp(FunctionDescriptor fn, HttpContext context) =>
        fn.Method.GetParameters().Select(p =>
            p.Position == fn.TriggerPosition ? context.Request
            : IsCommon(p) ? BindCommon(p, context.RequestServices, context.RequestAborted)
            : Convert(p, context.GetRouteValue(p.Name!)?.ToString() ?? FirstQueryValue(context, p.Name!))).ToArray();

    static string? FirstQueryValue(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    static object? Convert(ParameterInfo p, string? raw)
    {
        if (raw is null)
            return p.HasDefaultValue ? p.DefaultValue : null;
        if (p.ParameterType == typeof(string))
            return raw;
        try
        {
            return TypeDescriptor.GetConverter(Underlying(p.ParameterType)).ConvertFromInvariantString(raw);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"Cannot convert '{raw}' to {p.ParameterType.Name} for parameter '{p.Name}'.", e);
        }
    }

    static Type Underlying(Type t) => Nullable.GetUnderlyingType(t) ?? t;
}
