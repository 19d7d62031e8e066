using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Turnos.LocalHost.Tests;

/// <summary>
/// The real LocalHost Program, told by configuration to run the sample functions of this assembly, with the
/// services those functions need (from the assembly's <c>LocalHost.Startup</c>). Timers are off unless a test asks for them.
/// </summary>
public class SampleHostFactory : WebApplicationFactory<Program>
{
    protected virtual bool TimersEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(FunctionsAssemblyLoader.Setting, typeof(SampleHostFactory).Assembly.GetName().Name);
        builder.UseSetting("LocalHost:DisableTimers", TimersEnabled ? "false" : "true");
        builder.UseSetting("Tick:Schedule", "* * * * * *");
    }
}

public sealed class TimerHostFactory : SampleHostFactory
{
    protected override bool TimersEnabled => true;
}

