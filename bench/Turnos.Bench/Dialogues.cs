using System.Diagnostics;
using System.Net;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.WhatsApp;

namespace Turnos.Bench;

/// <summary>
/// Customers booking at the demo salon through signed webhook posts, each conversation sending its next message only
/// once the previous one's replies have all reached the fake Twilio. Times per message: the acknowledgement (post →
/// its 200 empty TwiML) and message-to-reply (post → the last reply of that turn at the fake Twilio).
/// </summary>
internal sealed class Dialogues(string baseUrl, string authToken, FakeTwilio twilio, ConversationInbox inbox)
{
    public const string Business = "demo", Number = "+14155238886";
    // Far above any target: a turn this late means the app is stuck, not slow.
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public sealed record Run(List<double> Acks, List<double> FirstReplies, List<double> Replies, int RepliesReceived, int Booked,
        int Conversations, TimeSpan Elapsed);

    /// <summary>Customers <paramref name="first"/>.. each hold one conversation; <paramref name="concurrency"/> run at once.
    /// With a <paramref name="think"/> time a customer reads the replies and types for about that long (0.5–1.5 times it)
    /// before the next message (not part of any time measured); without one they send the next message the moment the
    /// turn is over.</summary>
    public async Task<Run> RunAsync(int first, int conversations, int concurrency, TimeSpan think = default)
    {
        var (acks, firstReplies, replies) = (new List<double>(), new List<double>(), new List<double>());
        var (received, booked) = (0, 0);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(first, conversations), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, ct) =>
        {
            var phone = $"+54911{n:00000000}";
            var last = "";
            foreach (var text in Script(n))
            {
                // Anywhere from half to one and a half times the think time: people do not write in step.
                if (think > TimeSpan.Zero) await Task.Delay(think * (0.5 + Random.Shared.NextDouble()), ct);
                var m = await ExchangeAsync(phone, text, ct);
                last = m.LastBody;
                lock (acks)
                {
                    acks.Add(m.Ack);
                    firstReplies.Add(m.First);
                    replies.Add(m.Last);
                    received += m.Parts;
                }
            }
            if (last.StartsWith("¡Listo!", StringComparison.Ordinal)) Interlocked.Increment(ref booked);
        });
        return new Run(acks, firstReplies, replies, received, booked, conversations, watch.Elapsed);
    }

    /// <summary>A booking over five turns. Customer n asks for its own weekday and half hour (20 a day, 09:00–18:30, from
    /// two days ahead), so no two customers of a run compete for a time and every dialogue takes the same path.</summary>
    private static string[] Script(int n)
    {
        var (day, minutes) = SlotOf(n);
        return ["hola", $"quiero un corte el {day:dd/MM} a las {minutes / 60}:{minutes % 60:00}", $"{First[n % 20]} {Last[n / 20 % 20]}",
            $"cliente{n}@example.com", "sí"];
    }

    /// <summary>Customer n's own weekday and half hour: 20 a day, 09:00–18:30, from two days ahead.</summary>
    internal static (DateTime Day, int Minutes) SlotOf(int n)
    {
        var day = DateTime.UtcNow.Date.AddDays(2);
        for (var skip = n / 20; day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || skip-- > 0;) day = day.AddDays(1);
        return (day, 9 * 60 + 30 * (n % 20));
    }

    private async Task<(double Ack, double First, double Last, int Parts, string LastBody)> ExchangeAsync(string phone, string text, CancellationToken ct)
    {
        var seen = twilio.Count(phone);
        var sent = Stopwatch.GetTimestamp();
        using var response = await PostAsync(phone, text, ct);
        var ack = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        var twiml = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || !twiml.Contains("<Response", StringComparison.Ordinal) || twiml.Contains("<Message", StringComparison.Ordinal))
            throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {twiml}");
        await twilio.WaitForMoreThanAsync(phone, seen, ReplyTimeout);
        await TurnOverAsync(phone, ct);
        var arrivals = twilio.Since(phone, seen);
        return (ack, Milliseconds(sent, arrivals.Min(a => a.At)), Milliseconds(sent, arrivals.Max(a => a.At)), arrivals.Count,
            arrivals.MaxBy(a => a.At).Body);
    }

    /// <summary>
    /// A turn is over when its message has left the conversation's inbox: the orchestration takes it out (activity Done)
    /// only after the Send activity has had every part accepted by Twilio. Asked only once replies pause for 15 ms, so the
    /// bench adds about one storage query per message, outside what is timed.
    /// </summary>
    private async Task TurnOverAsync(string phone, CancellationToken ct)
    {
        var conversation = new ConversationRef(Business, ConversationStore.CustomerKey(phone));
        var deadline = Stopwatch.GetTimestamp() + (long)(ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var count = twilio.Count(phone);
            await Task.Delay(15, ct);
            if (twilio.Count(phone) == count && await inbox.NextAsync(conversation, ct) is null) return;
        }
        throw new TimeoutException($"The turn of {phone} did not end within {ReplyTimeout.TotalSeconds:F0} s.");
    }

    private Task<HttpResponseMessage> PostAsync(string phone, string text, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["From"] = "whatsapp:" + phone,
            ["To"] = "whatsapp:" + Number,
            ["Body"] = text,
            ["NumMedia"] = "0",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/whatsapp") { Content = new FormUrlEncodedContent(form) };
        // Without Twilio:PublicBaseUrl (Development) the app checks the signature against the URL it was called at.
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(authToken, baseUrl + "/api/whatsapp", form));
        return _http.SendAsync(request, ct);
    }

    private static double Milliseconds(long from, long to) => (double)(to - from) * 1000 / Stopwatch.Frequency;

    // 400 distinct names the rules take as names (none a professional's); names cannot hold the customer's number.
    private static readonly string[] First = ["Ana", "Lucas", "Marta", "Diego", "Irene", "Pablo", "Camila", "Martín", "Julia", "Tomás",
        "Elena", "Mateo", "Carla", "Bruno", "Paula", "Nicolás", "Laura", "Andrés", "Valeria", "Joaquín"];
    private static readonly string[] Last = ["Gómez", "Benítez", "Quiroga", "Fernández", "Rodríguez", "López", "Martínez", "Pérez", "Sánchez",
        "Romero", "Torres", "Álvarez", "Ruiz", "Díaz", "Moreno", "Castro", "Ortiz", "Silva", "Rojas", "Medina"];
}
