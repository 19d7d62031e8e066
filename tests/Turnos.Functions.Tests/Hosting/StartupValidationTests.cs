using Microsoft.Extensions.Options;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Hosting;

[Collection("Azurite")]
public sealed class StartupValidationTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Storage:ConnectionString", "", "Storage:ConnectionString" },
        { "Storage:TableServiceUri", "https://account.table.core.windows.net", "Set exactly one of Storage:ConnectionString" },
        { "Storage:TablePrefix", "bad-prefix!", "Storage:TablePrefix must start with a letter" },
    };

    [Theory, MemberData(nameof(BadSettings))]
    public async Task Start_WithBadStorageSettings_FailsNamingTheSetting(string key, string? value, string expected)
    {
        await using var app = new TurnosFactory(azurite, settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains(expected, error.Message);
    }
}
