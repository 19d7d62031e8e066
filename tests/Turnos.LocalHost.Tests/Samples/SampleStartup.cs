using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Turnos.LocalHost.Tests.Samples;

/// <summary>The samples' service setup, named in the project's <c>LocalHost.Startup</c> metadata as a worker app's would be.</summary>
public static class SampleStartup
{
    public static IHostApplicationBuilder AddSamples(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Greeter>().AddSingleton<TimerProbe>()
            // An app's choice for the worker's serializer, which durable payloads must follow as under the Functions host.
            .Configure<JsonSerializerOptions>(json => json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        return builder;
    }
}
