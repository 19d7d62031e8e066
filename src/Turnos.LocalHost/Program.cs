using Turnos.LocalHost;

var builder = WebApplication.CreateBuilder(args);
// The port `func start` uses, unless ASPNETCORE_URLS, --urls or ASPNETCORE_HTTP_PORTS say otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
    builder.WebHost.UseUrls("http://localhost:7071");

if (FunctionsAssemblyLoader.Load(builder.Configuration, out var error) is not { } functions)
{
    Console.Error.WriteLine(error);
    return 1;
}
if (AppStartup.Apply(builder, functions) is { } startupError)
{
    Console.Error.WriteLine(startupError);
    return 1;
}
builder.Services.AddFunctionsFrom(functions);

var app = builder.Build();
app.UseMovedPaths(functions);
app.MapFunctions();
app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory.</summary>
public partial class Program;
