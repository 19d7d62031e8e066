namespace Turnos.Functions.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoSeed => Path.Combine(Root, "seed", "demo.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Turnos.Functions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Could not find the repository root (Turnos.Functions.sln) above " + AppContext.BaseDirectory);
    }
}
