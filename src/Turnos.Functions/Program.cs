using Microsoft.Azure.Functions.Worker.Builder;
using Turnos.Functions.CommandLine;
using Turnos.Functions.Hosting;

// Command-line understanding (README): JSON lines in, JSON lines out; no host, storage or network.
if (args is [UnderstandCommand.Name, ..]) return await UnderstandCommand.RunAsync(args, Console.In, Console.Out);

// The Functions worker; Turnos.LocalHost runs the same functions with the same AddTurnos() (csproj: LocalHost.Startup).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddTurnos();
await builder.Build().RunAsync();
return 0;
