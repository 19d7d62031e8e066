using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Businesses;

// Not "Turnos.Functions.Understanding": a namespace with that name would hide the Understanding type from every
// file under Turnos.Functions.
namespace Turnos.Functions.CommandLine;

/// <summary>
/// <c>Turnos.Functions understand [--seed path]</c>: reads JSON lines
/// <c>{"text", "ref" (the business's local wall-clock time), "tz"?, "business"?, "expecting"?, "lang"?}</c> and writes one
/// JSON line per input with what the rules understood, against the seed file's catalog (intent: book, availability,
/// hours, price, cancel, reschedule, confirm_yes, confirm_no, greet, thanks, human, other), and the language the
/// message was read in. <c>lang</c> is the conversation's language so far (es, en), which a message keeps unless it
/// clearly switches; without it the message alone decides. No storage, no network:
/// it is how a batch of real customer messages gets checked.
/// </summary>
public static class UnderstandCommand
{
    public const string Name = "understand";
    private const string DefaultSeed = "seed/demo.json";

    private static readonly JsonWriterOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] RefFormats =
        ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <returns>0 at the end of the input; 2 when the arguments or the seed file are wrong (one error line says why).</returns>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output)
    {
        IReadOnlyList<BusinessSnapshot> businesses;
        try
        {
            businesses = LoadSeed(SeedPath(args.SkipWhile(a => a == Name).ToArray()));
        }
        catch (Exception e) when (e is ArgumentException or SeedDataException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync(Error(e.Message));
            return 2;
        }
        var lineNumber = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string result;
            try
            {
                result = Answer(line, businesses);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                result = Error($"line {lineNumber}: {(e is JsonException ? "not a JSON object: " + e.Message.Split(" Path:")[0] : e.Message)}");
            }
            await output.WriteLineAsync(result);
        }
        await output.FlushAsync();
        return 0;
    }

    private static string Answer(string line, IReadOnlyList<BusinessSnapshot> businesses)
    {
        using var doc = JsonDocument.Parse(line);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("each line must be a JSON object");
        var root = doc.RootElement;
        var text = Field(root, "text") ?? throw new FormatException("'text' is required");
        var reference = Field(root, "ref") ?? throw new FormatException("'ref' is required (the business's local time, e.g. 2026-11-18T10:15:00)");
        var business = FindBusiness(Field(root, "business"), businesses);
        var zone = business.Business.TimeZone;
        if (Field(root, "tz") is { } tz && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out zone))
            throw new FormatException($"'tz': '{tz}' is not a known IANA time zone");
        var expecting = Expectation.None;
        if (Field(root, "expecting") is { } e && !Enum.TryParse(e, ignoreCase: true, out expecting))
            throw new FormatException($"'expecting': '{e}' is not one of {string.Join(", ", Enum.GetNames<Expectation>()).ToLowerInvariant()}");
        Language? language = null;
        if (Field(root, "lang") is { } lang && (language = LanguageCodes.Parse(lang)) is null)
            throw new FormatException($"'lang': '{lang}' is not one of {string.Join(", ", LanguageCodes.Known)}");
        var now = LocalNow(reference, zone!);
        return Write(RulesUnderstanding.Understand(new UnderstandingContext(text, now, business, expecting, language)), business);
    }

    // A ref with an offset ("…Z", "…-03:00") is an instant: it is turned into the business's (or tz's) wall clock.
    private static DateTime LocalNow(string reference, TimeZoneInfo zone)
    {
        if (DateTime.TryParseExact(reference, RefFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return local;
        if (DateTimeOffset.TryParse(reference, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(reference))
            return TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        throw new FormatException($"'ref': '{reference}' is not a local date and time like 2026-11-18T10:15:00");
    }

    private static bool HasOffset(string s) => s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 6 && s[^6] is '+' or '-' && s[^3] == ':');

    private static BusinessSnapshot FindBusiness(string? id, IReadOnlyList<BusinessSnapshot> businesses)
    {
        // The seed's first business is the one its lines are about unless they say (the demo seed's salon).
        if (id is null) return businesses.Count > 0 ? businesses[0] : throw new FormatException("the seed file has no business");
        return businesses.FirstOrDefault(b => string.Equals(b.Business.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException($"unknown business '{id}' (the seed file has: {string.Join(", ", businesses.Select(b => b.Business.Id))})");
    }

    private static string? Field(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"'{name}' must be a string");
    }

    private static string Write(Understanding u, BusinessSnapshot business)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Output))
        {
            w.WriteStartObject();
            w.WriteString("intent", IntentName(u.Intent));
            w.WriteString("date", u.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("time", u.Time?.ToString("HH:mm", CultureInfo.InvariantCulture));
            if (u.TimeRange is { } r)
            {
                w.WriteStartArray("time_range");
                w.WriteStringValue(r.From.ToString("HH:mm", CultureInfo.InvariantCulture));
                w.WriteStringValue(r.To.ToString("HH:mm", CultureInfo.InvariantCulture));
                w.WriteEndArray();
            }
            else w.WriteNull("time_range");
            w.WriteString("service", u.ServiceId is { } s ? business.FindService(s)?.Name : null);
            w.WriteStartArray("services");
            foreach (var id in u.Services) w.WriteStringValue(business.FindService(id)?.Name ?? id);
            w.WriteEndArray();
            w.WriteString("professional", u.ProfessionalId is { } p ? business.FindProfessional(p)?.Name : null);
            w.WriteString("name", u.Name);
            w.WriteString("email", u.Email);
            w.WriteString("language", u.Language?.Code());
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string IntentName(Intent intent) => intent switch
    {
        Intent.ConfirmYes => "confirm_yes",
        Intent.ConfirmNo => "confirm_no",
        _ => intent.ToString().ToLowerInvariant(),
    };

    private static string Error(string message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Output))
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string SeedPath(string[] args)
    {
        if (args.Length == 0)
        {
            // The repository's seed when run from its root, else the copy published beside the executable.
            var candidates = new[] { Path.GetFullPath(DefaultSeed), Path.Combine(AppContext.BaseDirectory, DefaultSeed) };
            return candidates.FirstOrDefault(File.Exists)
                ?? throw new ArgumentException($"no seed file: looked for {string.Join(" and ", candidates)}; pass --seed <path>");
        }
        if (args is ["--seed", var path]) return File.Exists(path) ? path : throw new ArgumentException($"Seed file '{path}' does not exist.");
        throw new ArgumentException($"usage: {Name} [--seed <path>] (got: {string.Join(' ', args)})");
    }

    private static IReadOnlyList<BusinessSnapshot> LoadSeed(string path) =>
        SeedLoader.Parse(File.ReadAllText(path), path).Select(b => b.Snapshot).ToArray();
}
