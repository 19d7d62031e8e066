using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Admin;
using Turnos.Functions.Calendar;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Notices;
using Turnos.Functions.Reminders;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Hosting;

/// <summary>
/// <c>functions.metadata</c>, which the worker SDK writes when it builds src/Turnos.Functions (this project's reference
/// builds it first, in the same configuration) and which is all the Functions host knows of the app: every function
/// the local host runs is in it with the same trigger, and every HTTP function is in the OpenAPI document and back.
/// </summary>
public sealed partial class FunctionsMetadataTests
{
    private static readonly string Configuration =
        typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static readonly string MetadataFile =
        Path.Combine(RepoPaths.Root, "src", "Turnos.Functions", "bin", Configuration, "net10.0", "functions.metadata");

    private static readonly string OpenApiFile = Path.Combine(RepoPaths.Root, "src", "Turnos.Functions", "Admin", "Api", "openapi.json");

    private sealed record Trigger(string Function, string Type, string? Route, string[] Methods, string? Schedule);

    private static List<Trigger> Metadata()
    {
        Assert.True(File.Exists(MetadataFile), $"{MetadataFile} is missing: the worker SDK did not generate it.");
        using var doc = JsonDocument.Parse(File.ReadAllText(MetadataFile));
        return [.. doc.RootElement.EnumerateArray().Select(f =>
        {
            var trigger = f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger"));
            return new Trigger(f.GetProperty("name").GetString()!, trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : [],
                trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null);
        })];
    }

    [Fact]
    public void Metadata_HasTheWebhookTheConversationItsActivitiesAndTheSweeper()
    {
        var functions = Metadata().ToDictionary(f => f.Function);

        Assert.Equal(("httpTrigger", "whatsapp", "POST"), (functions["WhatsAppWebhook"].Type, functions["WhatsAppWebhook"].Route,
            string.Join(",", functions["WhatsAppWebhook"].Methods)));
        Assert.Equal("orchestrationTrigger", functions[ConversationOrchestrator.Name].Type);
        foreach (var activity in new[] { ConversationActivities.Next, ConversationActivities.Prepare, ConversationActivities.Effect,
                     ConversationActivities.Finish, ConversationActivities.Send, ConversationActivities.Done })
            Assert.Equal("activityTrigger", functions[activity].Type);
        Assert.Equal(("timerTrigger", "0 */1 * * * *"), (functions["Sweeper"].Type, functions["Sweeper"].Schedule));
    }

    [Fact]
    public void Metadata_HasTheCalendarReminderAndNoticeOrchestrations_AndADurableClientWhereverTheyAreStarted()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(MetadataFile));
        var bindings = doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).ToList());

        Assert.Equal(["orchestrationTrigger"], bindings[CalendarSyncOrchestrator.Name]);
        Assert.Equal(["activityTrigger"], bindings[CalendarSyncActivities.Sync]);
        Assert.Equal(["activityTrigger"], bindings[CalendarSyncActivities.Settle]);
        Assert.Equal(["orchestrationTrigger"], bindings[ReminderOrchestrator.Name]);
        Assert.Equal(["activityTrigger"], bindings[ReminderActivities.Plan]);
        Assert.Equal(["activityTrigger"], bindings[ReminderActivities.Send]);
        Assert.Equal(["orchestrationTrigger"], bindings[NoticeOrchestrator.Name]);
        Assert.Equal(["activityTrigger"], bindings[NoticeActivities.Send]);
        // The Functions host hands a client only to functions whose metadata asks for one.
        foreach (var starter in new[] { ConversationActivities.Effect, "BookAppointment", "CancelAppointment", "RescheduleAppointment", "CalendarReconciliation" })
            Assert.Contains("durableClient", bindings[starter]);
    }

    [Fact]
    public void Metadata_ListsExactlyTheFunctionsTheLocalHostRuns_WithTheSameHttpRoutes()
    {
        var declared = typeof(AdminRoutes).Assembly.GetExportedTypes().SelectMany(t => t.GetMethods())
            .Select(m => (Attribute: m.GetCustomAttribute<FunctionAttribute>(), Method: m)).Where(f => f.Attribute is not null)
            .ToDictionary(f => f.Attribute!.Name, f => f.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null));
        var metadata = Metadata();

        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), metadata.Select(f => f.Function).Order(StringComparer.Ordinal));
        foreach (var f in metadata.Where(f => f.Type == "httpTrigger"))
        {
            var http = declared[f.Function];
            Assert.NotNull(http);
            Assert.Equal(http.Route, f.Route);
            Assert.Equal(http.Methods!.Select(m => m.ToUpperInvariant()).Order(), f.Methods.Order());
        }
        Assert.Equal(57, metadata.Count(f => f.Type == "httpTrigger"));
    }

    [Fact]
    public void OpenApiDocument_HasEveryHttpFunction_AndNothingElse()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(OpenApiFile));
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)).Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        var published = Metadata().Where(f => f.Type == "httpTrigger")
            .SelectMany(f => f.Methods.SelectMany(m => PublishedPaths(f.Route!).Select(path => $"{m} {path}"))).ToHashSet();

        Assert.Empty(published.Except(documented).Order());
        Assert.Empty(documented.Except(published).Order());
    }

    // OPTIONS too: the widget answers its own CORS preflights.
    private static readonly HashSet<string> HttpMethods = ["get", "post", "put", "patch", "delete", "options"];

    /// <summary>The paths a client calls: below /api, the admin routes' constrained first segment as "admin", route
    /// parameters without constraints or catch-all stars, as OpenAPI writes them; an optional last one with and without.</summary>
    private static IEnumerable<string> PublishedPaths(string route)
    {
        var path = "/api/" + Parameter().Replace(route.Replace(AdminRoutes.Root, "admin", StringComparison.Ordinal), m => "{" + m.Groups["name"].Value + "}");
        yield return path;
        if (route.EndsWith("?}", StringComparison.Ordinal)) yield return path[..path.LastIndexOf('/')];
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
