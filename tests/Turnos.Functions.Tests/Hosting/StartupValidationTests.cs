using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Hosting;

/// <summary>Bad settings stop the start with a message naming the setting. The app is built and started
/// directly (not through WebApplicationFactory, which can hide a start failure behind its own disposal).</summary>
[Collection("Azurite")]
public sealed class StartupValidationTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Storage:ConnectionString", "", "Storage:ConnectionString" },
        { "Storage:TableServiceUri", "https://account.table.core.windows.net", "Set exactly one of Storage:ConnectionString" },
        { "Storage:TablePrefix", "bad-prefix!", "Storage:TablePrefix must start with a letter" },
        { "Conversations:IdleTimeoutHours", "0", "Conversations:IdleTimeoutHours must be between 1 and 720" },
        { "Conversations:HistoryRetentionDays", "0", "Conversations:HistoryRetentionDays must be between 1 and 365" },
    };

    [Theory, MemberData(nameof(BadSettings))]
    public async Task Start_WithBadSettings_FailsNamingTheSetting(string key, string? value, string expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "v" + Guid.NewGuid().ToString("N")[..12],
            [key] = value,
        });
        builder.AddTurnos();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, error.Message);
    }
}
