using Turnos.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTurnos();

var app = builder.Build();
app.MapTurnos();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
