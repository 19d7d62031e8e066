using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Turnos.LocalHost.Tests.Samples;

namespace Turnos.LocalHost.Tests;

/// <summary>
/// The real LocalHost Program, told by configuration to run the sample functions of this assembly, with the
/// services those functions need. Timers are off unless a test asks for them.
/// </summary>
public class SampleHostFactory : WebApplicationFactory<Program>
{
    protected virtual bool TimersEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(FunctionsAssemblyLoader.Setting, typeof(SampleHostFactory).Assembly.GetName().Name);
        builder.UseSetting("LocalHost:DisableTimers", TimersEnabled ? "false" : "true");
        builder.UseSetting("Tick:Schedule", "* * * * * *");
        builder.ConfigureServices(services => services.AddSingleton<Greeter>().AddSingleton<TimerProbe>()
            // An app's choice for the worker's serializer, which durable payloads must follow as under the Functions host.
            .Configure<JsonSerializerOptions>(json => json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase));
    }
}

public sealed class TimerHostFactory : SampleHostFactory
{
    protected override bool TimersEnabled => true;
}

