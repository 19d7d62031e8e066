using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Sweeping;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Sweeping;

/// <summary><c>POST /Sweeper</c> is the timer function's invocation by the Functions host, and only the host's.</summary>
[Collection("Azurite")]
public sealed class SweeperEndpointTests(AzuriteFixture azurite) : AppTests(azurite)
{
    /// <summary>What the Functions host posts for a timer trigger named "timer" (custom-handler request payload).</summary>
    public const string TimerPayload = """
        {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-23T14:59:00+00:00","Next":"2026-11-23T15:00:00+00:00","LastUpdated":"2026-11-23T14:59:00+00:00"},"IsPastDue":false}},
         "Metadata":{"sys":{"MethodName":"Sweeper","UtcNow":"2026-11-23T15:00:00.0123456Z","RandGuid":"0f8fad5b-d9cb-469f-a165-70867728950e"}}}
        """;

    private static Task<HttpContext> PostAsync(WebApplicationFactory<Program> app, IPAddress? from, string? forwardedFor = null) =>
        app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = SweeperEndpoint.Path;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(TimerPayload));
            c.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });

    private static JsonElement Body(HttpContext c) => JsonDocument.Parse(c.Response.Body).RootElement;

    [Fact]
    public async Task TimerInvocationFromLoopback_Sweeps_AndAnswersTheCustomHandlerResponsePayload()
    {
        var c = await PostAsync(App, IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status200OK, c.Response.StatusCode);
        Assert.StartsWith("application/json", c.Response.ContentType);
        var body = Body(c);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        Assert.Equal(200, (await PostAsync(App, IPAddress.IPv6Loopback)).Response.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7", null)]
    [InlineData("10.0.0.4", null)]
    [InlineData("127.0.0.1", "203.0.113.7")]
    public async Task InvocationNotFromTheHost_IsRefused(string from, string? forwardedFor)
    {
        var c = await PostAsync(App, IPAddress.Parse(from), forwardedFor);

        Assert.Equal(StatusCodes.Status403Forbidden, c.Response.StatusCode);
    }

    [Fact]
    public async Task AFailingJob_FailsTheInvocation_AfterTheOtherJobsRan_WithoutTheErrorsText()
    {
        var gate = new GateJob();
        gate.Open();
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<ISweepJob, FailingJob>();
            s.AddSingleton<ISweepJob>(gate);
        }));

        var c = await PostAsync(app, IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status500InternalServerError, c.Response.StatusCode);
        var logs = Body(c).GetProperty("Logs").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Equal(["boom failed: InvalidOperationException", "gate: 1"], logs);
        Assert.True((await app.Services.GetRequiredService<Sweeper>().RunAsync(default)).Ran); // lease given back
    }
}
