using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Sweeping;

/// <summary>Locally a background loop sweeps; under the Functions host the timer function does, so the loop is off.</summary>
[Collection("Azurite")]
public sealed class SweepLoopTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheLocalSweepLoop_RunsOnlyWhenNotUnderTheFunctionsHost()
    {
        await using var local = new TurnosFactory(azurite);
        await using var hosted = new TurnosFactory(azurite, settings: new Dictionary<string, string?> { [SweeperSetup.FunctionsPortSetting] = "7999" });

        Assert.Contains(local.Services.GetServices<IHostedService>(), s => s is SweeperService);
        Assert.DoesNotContain(hosted.Services.GetServices<IHostedService>(), s => s is SweeperService);
        Assert.NotNull(hosted.Services.GetService<Sweeper>()); // the timer function's endpoint still needs it
    }
}
