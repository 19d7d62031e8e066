using System.Reflection;

namespace Turnos.LocalHost;

/// <summary>
/// What a functions assembly tells this host through <see cref="AssemblyMetadataAttribute"/> entries (in its project:
/// <c>&lt;AssemblyMetadata Include="LocalHost.Startup" Value="…" /&gt;</c>), so the host stays generic:
/// <list type="bullet">
/// <item><c>LocalHost.Startup</c>: <c>Namespace.Type.Method</c>, a public static method taking an
/// <see cref="IHostApplicationBuilder"/>: the app's own service setup, which its worker <c>Program</c> also calls.</item>
/// <item><c>LocalHost.Redirect</c> (any number): <c>/old=/new</c>, a path the app published outside the route prefix
/// and has moved below it; the Functions host cannot serve those, this one answers 308 to the new place.</item>
/// </list>
/// </summary>
public static class AppStartup
{
    public const string StartupKey = "LocalHost.Startup";
    public const string RedirectKey = "LocalHost.Redirect";

    /// <summary>Runs the assembly's startup method, if it names one; the error to stop with when it cannot.</summary>
    public static string? Apply(IHostApplicationBuilder builder, Assembly functions)
    {
        if (Metadata(functions, StartupKey).FirstOrDefault() is not { } name) return null;
        var split = name.LastIndexOf('.');
        var type = split > 0 ? functions.GetType(name[..split]) : null;
        var method = type?.GetMethod(name[(split + 1)..], BindingFlags.Public | BindingFlags.Static, [typeof(IHostApplicationBuilder)]);
        if (method is null)
            return $"{functions.GetName().Name} names '{name}' as its {StartupKey}, but has no public static method of that name "
                + "taking an IHostApplicationBuilder.";
        method.Invoke(null, [builder]);
        return null;
    }

    /// <summary>The assembly's moved paths, longest first so a nested one wins.</summary>
    public static IReadOnlyList<(PathString From, PathString To)> Redirects(Assembly functions) =>
        [.. Metadata(functions, RedirectKey)
            .Select(value => value.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && parts[0].StartsWith('/') && parts[1].StartsWith('/'))
            .Select(parts => (new PathString(parts[0].TrimEnd('/')), new PathString(parts[1].TrimEnd('/'))))
            .OrderByDescending(r => r.Item1.Value!.Length)];

    /// <summary>Answers requests below a moved path with 308 (method and body kept) to the same place below the new one.</summary>
    public static IApplicationBuilder UseMovedPaths(this IApplicationBuilder app, Assembly functions)
    {
        var redirects = Redirects(functions);
        if (redirects.Count == 0) return app;
        return app.Use((context, next) =>
        {
            foreach (var (from, to) in redirects)
                if (context.Request.Path.StartsWithSegments(from, out var rest))
                {
                    context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                    context.Response.Headers.Location = (context.Request.PathBase + to.Add(rest.HasValue ? rest : new PathString("/"))).ToString() + context.Request.QueryString;
                    return Task.CompletedTask;
                }
            return next(context);
        });
    }

    static IEnumerable<string> Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Where(a => a.Key == key && !string.IsNullOrWhiteSpace(a.Value)).Select(a => a.Value!);
}
