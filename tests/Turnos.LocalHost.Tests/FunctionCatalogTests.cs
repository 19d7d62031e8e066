using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;

namespace Turnos.LocalHost.Tests;

/// <summary>Discovery, and the startup errors for functions this host could not run faithfully.</summary>
public sealed class FunctionCatalogTests
{
    [Fact]
    public void The_sample_assembly_yields_each_function_under_its_trigger_kind()
    {
        var catalog = FunctionCatalog.Scan(typeof(FunctionCatalogTests).Assembly);

        Assert.Equal(["Echo", "GetBusiness", "GetMissing", "GetSlots", "Health", "Ping", "StartApproval", "WhoAmI"], Names(catalog, TriggerKind.Http));
        Assert.Equal(["Approval", "Doubler", "Waiter"], Names(catalog, TriggerKind.Orchestration));
        Assert.Equal(["Double", "Greet"], Names(catalog, TriggerKind.Activity));
        Assert.Equal(["Failing", "Tick"], Names(catalog, TriggerKind.Timer));
    }

    [Theory]
    [InlineData(typeof(TakesFunctionContext), "cannot bind parameter 'context' (FunctionContext)")]
    [InlineData(typeof(TakesHttpRequestData), "must be HttpRequest here")]
    [InlineData(typeof(HasEntityTrigger), "does not run EntityTriggerAttribute functions")]
    [InlineData(typeof(HasNoTrigger), "no supported trigger parameter")]
    [InlineData(typeof(SameNameTwice), "another function already has this name")]
    public void Functions_the_host_cannot_run_fail_the_scan_with_their_name(Type type, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Scan([type]));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("api", "businesses/{businessId}", "/api/businesses/{businessId}")]
    [InlineData("/api/", "/{*path}", "/api/{*path}")]
    [InlineData("", "health", "/health")]
    public void Routes_sit_below_the_prefix(string prefix, string route, string expected) =>
        Assert.Equal(expected, HttpFunctionEndpoints.RoutePattern(prefix, route));

    [Theory]
    [InlineData("0 */5 * * * *", "2026-12-02T10:02:30", "2026-12-02T10:05:00")]
    [InlineData("%Retention:Schedule%", "2026-12-02T10:02:30", "2026-12-03T03:00:00")]
    [InlineData("00:00:10", "2026-12-02T10:02:30", "2026-12-02T10:02:40")]
    public void Schedules_are_six_field_cron_expressions_settings_or_intervals(string schedule, string after, string next)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:Schedule"] = "0 0 3 * * *" }).Build();

        Assert.Equal(DateTime.Parse(next), TimerSchedule.Parse("T", schedule, configuration).Next(DateTime.Parse(after)));
    }

    [Theory]
    [InlineData("*/5 * * * *", "neither a six-field CRON expression")]
    [InlineData("%Missing%", "setting 'Missing' named by its schedule is not configured")]
    public void Bad_schedules_are_refused(string schedule, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("T", schedule, new ConfigurationBuilder().Build()));

        Assert.Contains(expected, error.Message);
    }

    static string[] Names(FunctionCatalog catalog, TriggerKind kind) => [.. catalog.OfKind(kind).Select(f => f.Name).Order()];

    // Not public, so scanning this assembly does not find them; the tests hand them to the scan directly.
    sealed class TakesFunctionContext
    {
        [Function("A")]
        public static IActionResult Run([HttpTrigger("get")] HttpRequest request, FunctionContext context) => new OkResult();
    }

    sealed class TakesHttpRequestData
    {
        [Function("B")]
        public static void Run([HttpTrigger("get")] Microsoft.Azure.Functions.Worker.Http.HttpRequestData request) { }
    }

    sealed class HasEntityTrigger
    {
        [Function("C")]
        public static void Run([EntityTrigger] TaskEntityDispatcher dispatcher) { }
    }

    sealed class HasNoTrigger
    {
        [Function("D")]
        public static void Run(string input) { }
    }

    sealed class SameNameTwice
    {
        [Function("E")]
        public static void First([ActivityTrigger] string input) { }

        [Function("e")]
        public static void Second([ActivityTrigger] string input) { }
    }
}
