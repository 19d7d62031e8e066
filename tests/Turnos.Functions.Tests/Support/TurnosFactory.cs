using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.LocalHost;

namespace Turnos.Functions.Tests.Support;

/// <summary>
/// The real app, its functions run by Turnos.LocalHost as under ./scripts/run.sh, against the shared Azurite, with its own table prefix (so tests never see each other's
/// data), the demo seed unless told otherwise, and a clock the test controls.
/// </summary>
public sealed class TurnosFactory(AzuriteFixture azurite, DateTimeOffset? now = null, string? seedFile = null,
    IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<LocalHostOptions>
{
    /// <summary>Monday 2026-11-23 12:00 in Buenos Aires (UTC-3).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..16];

    public ManualTimeProvider Clock { get; } = new(now ?? DefaultNow);

    /// <summary>The platform admin key the app is started with (any environment).</summary>
    public const string AdminKey = "test-admin-key-0123456789";

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(FunctionsAssemblyLoader.Setting, typeof(Turnos.Functions.Hosting.TurnosHostingExtensions).Assembly.GetName().Name);
        // Tests run scheduled work themselves, when they mean to.
        builder.UseSetting("LocalHost:DisableTimers", "true");
        // A test that starts Kestrel gets a free port, never the 7071 a local run may be holding.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Turnos:SeedFile", seedFile ?? RepoPaths.DemoSeed);
        builder.UseSetting("Admin:ApiKey", AdminKey);
        // A reminder's retry comes within the test's patience.
        builder.UseSetting("Reminders:SendFirstRetrySeconds", "1");
        // Local token files and keys go to a folder of this test's own, never into the repository.
        builder.UseSetting("Turnos:DataFolder", Path.Combine(Path.GetTempPath(), "turnos-data-" + TablePrefix));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
