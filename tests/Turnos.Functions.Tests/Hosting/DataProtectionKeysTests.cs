using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Hosting;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Hosting;

[Collection("Azurite")]
public sealed class DataProtectionKeysTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Protect_OnOneInstance_UnprotectsOnAnother()
    {
        var prefix = "dp" + Guid.NewGuid().ToString("N")[..12];
        var shared = new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix };
        await using var first = new TurnosFactory(azurite, settings: shared);
        await using var second = new TurnosFactory(azurite, settings: shared);

        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("verificador");
        var clear = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret);

        Assert.Equal("verificador", clear);
        var keys = await first.Get<TurnosTables>().DataProtectionKeys.QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync();
        Assert.Single(keys);
        Assert.StartsWith("<key ", keys[0].GetString("Xml"));
    }
}
