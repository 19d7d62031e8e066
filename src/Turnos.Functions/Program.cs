using Turnos.Functions.CommandLine;
using Turnos.Functions.Hosting;

// Command-line understanding (README): JSON lines in, JSON lines out; no web host, storage or network.
if (args is [UnderstandCommand.Name, ..]) return await UnderstandCommand.RunAsync(args, Console.In, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.UseTurnosUrls().AddTurnos();

var app = builder.Build();
app.MapTurnos();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
