using System.Reflection;
using System.Runtime.Loader;

namespace Turnos.LocalHost;

/// <summary>Loads the assembly named by <c>LocalHost:FunctionsAssembly</c>: an assembly name or a path to its .dll.</summary>
public static class FunctionsAssemblyLoader
{
    public const string Setting = "LocalHost:FunctionsAssembly";

    public static Assembly? Load(IConfiguration configuration, out string? error)
    {
        var value = configuration[Setting];
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"No functions to run: set {Setting} to an assembly name or the path of a .dll with [Function] methods, "
                + $"for example `dotnet run --project src/Turnos.LocalHost -- --{Setting}=path/to/MyFunctions.dll` "
                + "or the environment variable LocalHost__FunctionsAssembly.";
            return null;
        }
        try
        {
            if (!value.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                return Assembly.Load(value);
            var path = Path.GetFullPath(value);
            // Its dependencies sit beside it, where the default load context does not look.
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                File.Exists(Path.Combine(Path.GetDirectoryName(path)!, name.Name + ".dll"))
                    ? context.LoadFromAssemblyPath(Path.Combine(Path.GetDirectoryName(path)!, name.Name + ".dll"))
                    : null;
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            error = $"Cannot load the functions assembly '{value}' ({Setting}): {e.Message}";
            return null;
        }
    }
}
