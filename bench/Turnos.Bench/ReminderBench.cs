using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Turnos.Functions.Tests.Infrastructure;
using static Turnos.Bench.Stats;

namespace Turnos.Bench;

/// <summary>
/// How late reminders fire when many fall due at once: a business of 200 professionals gets 200 appointments at the same
/// start through the admin API on the local host (its own process, real clock, in-memory durable timers), with one
/// reminder a few minutes before; the bench records when each reminder reaches the fake Twilio and reports actual − due.
/// </summary>
internal static class ReminderBench
{
    private const int Count = 200;
    private const string Business = "recordatorios", AdminKey = "bench-admin-key-0123456789";

    /// <summary>The reminder falls due at least this long after the seed is written: enough to start the app and book.</summary>
    private static readonly TimeSpan Runway = TimeSpan.FromSeconds(90);

    public static async Task RunAsync()
    {
        var folder = await LocalHostApp.BuildAsync();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var twilio = await FakeTwilio.StartAsync(WebhookBench.Token);
        var (seed, start, offset) = WriteSeed(DateTimeOffset.UtcNow);
        var due = start.AddMinutes(-offset);
        var settings = WebhookBench.Settings(azurite.ConnectionString, "benchrem", twilio);
        (settings["Turnos__SeedFile"], settings["Admin__ApiKey"]) = (seed, AdminKey);
        using var app = await LocalHostApp.StartAsync(folder, settings);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

        var local = start.ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-dd'T'HH:mm");
        var booking = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var response = await http.PostAsJsonAsync($"/api/admin/businesses/{Business}/appointments", new
            {
                serviceId = "corte", professionalId = $"p{i:000}", start = local,
                customer = new { name = $"Cliente {i}", phone = Phone(i), email = $"cliente{i}@example.com" },
            }, ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Booking {i} failed: {await response.Content.ReadAsStringAsync(ct)}");
        });
        var left = due - DateTimeOffset.UtcNow;
        Console.WriteLine($"reminder bench: {Count} appointments booked in {booking.Elapsed.TotalSeconds:F1} s; their reminder " +
            $"({offset} min before) is due in {left.TotalSeconds:F0} s");
        if (left <= TimeSpan.Zero) throw new InvalidOperationException("Booking took longer than the runway: the reminders were due before they were planned.");

        // Arrivals are stamped on the Stopwatch; one reading pairs it with the wall clock the due time is on.
        var (wallNow, stampNow) = (DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());
        await Task.WhenAll(Enumerable.Range(0, Count).Select(i => twilio.WaitForMoreThanAsync(Phone(i), 0, left + TimeSpan.FromMinutes(2))));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate, were there one
        var late = new List<double>();
        var duplicates = 0;
        for (var i = 0; i < Count; i++)
        {
            var arrivals = twilio.Since(Phone(i), 0);
            duplicates += arrivals.Count - 1;
            var at = wallNow + Stopwatch.GetElapsedTime(stampNow, arrivals[0].At);
            late.Add((at - due).TotalMilliseconds);
        }
        Report($"reminder lateness (arrival at the fake Twilio − due), {Count} due at the same instant", late);
        Console.WriteLine($"  earliest {late.Min():F0} ms, latest {late.Max():F0} ms; {Count} reminders, {duplicates} duplicates; " +
            $"none early: {(late.Min() >= 0 ? "yes" : "NO")}");
    }

    private static string Phone(int i) => $"+54911{7000_0000 + i:00000000}";

    /// <summary>A business open around the clock with 200 professionals and one reminder, offset so it falls due
    /// <see cref="Runway"/> (to a minute more) from now; returns the seed file, the appointments' start and the offset.</summary>
    private static (string File, DateTimeOffset Start, int Offset) WriteSeed(DateTimeOffset now)
    {
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var start = new DateTimeOffset((now + Runway + TimeSpan.FromMinutes(5)).UtcTicks / quarter * quarter + quarter, TimeSpan.Zero);
        var offset = (int)Math.Floor((start - now - Runway).TotalMinutes);
        var always = new JsonArray("00:00-24:00");
        var hours = new JsonObject();
        foreach (var day in new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }) hours[day] = always.DeepClone();
        var business = new JsonObject
        {
            ["id"] = Business, ["name"] = "Recordatorios", ["timeZone"] = "America/Argentina/Buenos_Aires", ["currency"] = "ARS",
            ["whatsAppNumbers"] = new JsonArray("+15550000123"), ["hours"] = hours,
            ["policy"] = new JsonObject { ["slotIntervalMinutes"] = 15, ["minimumNoticeMinutes"] = 0, ["remindersMinutesBefore"] = new JsonArray(offset) },
            ["services"] = new JsonArray(new JsonObject { ["id"] = "corte", ["name"] = "Corte", ["durationMinutes"] = 30, ["price"] = 5000 }),
            ["professionals"] = new JsonArray([.. Enumerable.Range(0, Count).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"p{i:000}", ["name"] = $"Profesional {i}", ["services"] = new JsonArray("corte"),
            })]),
        };
        var file = Path.Combine(Path.GetTempPath(), $"turnos-reminder-bench-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, new JsonObject { ["businesses"] = new JsonArray(business) }.ToJsonString());
        return (file, start, offset);
    }
}
