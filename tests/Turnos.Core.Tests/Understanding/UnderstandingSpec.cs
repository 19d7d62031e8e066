using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;
using Turnos.Core.Conversations;

namespace Turnos.Core.Tests.Conversations;

/// <summary>
/// The demo salon of seed/demo.json, built through the catalog validator, "now" (Wednesday 2026-11-18 10:15 in
/// Buenos Aires) and a compact way to state what a message must be understood as:
/// "book|date=2026-11-19|time=15:00|service=corte|pro=lucia|name=Juan|email=juan@gmail.com". Keys: an intent
/// name alone, date, time, range (10:00-12:00), service, pro, any, name, nameProblem, email, emailProblem,
/// choice, business, from (the day a move starts from), plausibleName, services (a visit: two or more ids, comma-separated, in order); "null" asserts absence. Strict checks also require every unnamed field to be empty.
/// </summary>
internal static class UnderstandingSpec
{
    public static readonly DateTime Now = new(2026, 11, 18, 10, 15, 0);

    public static BusinessSnapshot Demo { get; } = Build(Hours(("monday", "09:00-19:00"), ("tuesday", "09:00-19:00"),
        ("wednesday", "09:00-19:00"), ("thursday", "09:00-19:00"), ("friday", "09:00-19:00"), ("saturday", "09:00-13:00")));

    public static BusinessSnapshot Build(Dictionary<string, List<string?>?> hours, List<ServiceDocument?>? services = null,
        List<ProfessionalDocument?>? professionals = null)
    {
        var doc = new BusinessDocument
        {
            Id = "demo", Name = "Peluquería Demo", TimeZone = "America/Argentina/Buenos_Aires", WhatsAppNumbers = ["+14155238886"],
            Address = "Av. Corrientes 1234, Buenos Aires", Currency = "ARS", Hours = hours,
            Services = services ??
            [
                new() { Id = "corte", Name = "Corte de cabello", DurationMinutes = 30, Price = 5000 },
                new() { Id = "coloracion", Name = "Coloración", DurationMinutes = 90, Price = 18000 },
                new() { Id = "manicura", Name = "Manicura", DurationMinutes = 45, Price = 7000 },
                new() { Id = "barba", Name = "Barba", DurationMinutes = 20, Price = 3000 },
                new() { Id = "peinado", Name = "Peinado", DurationMinutes = 45, Price = 6000 },
            ],
            Professionals = professionals ??
            [
                new() { Id = "carlos", Name = "Carlos Ramírez", Services = ["corte", "coloracion", "barba", "peinado"] },
                new() { Id = "lucia", Name = "Lucía Fernández", Services = ["corte", "coloracion", "manicura", "barba", "peinado"] },
                new() { Id = "sofia", Name = "Sofía Gómez", Services = ["manicura", "peinado"] },
            ],
        };
        var validation = CatalogValidator.Validate(doc, "test");
        Assert.True(validation.Snapshot is not null, string.Join("; ", validation.Errors));
        return validation.Snapshot!;
    }

    public static Dictionary<string, List<string?>?> Hours(params (string Day, string Range)[] days) =>
        days.ToDictionary(d => d.Day, d => (List<string?>?)[d.Range]);

    public static Understanding Understand(string text, Expectation expecting = Expectation.None, DateTime? now = null, BusinessSnapshot? business = null) =>
        RulesUnderstanding.Understand(new UnderstandingContext(text, now ?? Now, business ?? Demo, expecting));

    public static TheoryData<string, string> Table(params (string Text, string Spec)[] cases)
    {
        var data = new TheoryData<string, string>();
        foreach (var (text, spec) in cases) data.Add(text, spec);
        return data;
    }

    public static void Check(Understanding u, string spec, bool strict, string text)
    {
        var expected = Parse(spec);
        var actual = new Dictionary<string, string?>
        {
            ["intent"] = IntentName(u.Intent), ["date"] = u.Date?.ToString("yyyy-MM-dd"), ["time"] = u.Time?.ToString("HH:mm"),
            ["range"] = u.TimeRange is { } r ? $"{r.From:HH:mm}-{r.To:HH:mm}" : null, ["service"] = u.ServiceId,
            ["pro"] = u.ProfessionalId, ["any"] = u.AnyProfessional ? "true" : null, ["name"] = u.Name,
            ["nameProblem"] = u.NameProblem?.ToString(), ["email"] = u.Email, ["emailProblem"] = u.EmailProblem?.ToString(),
            ["choice"] = u.Choice?.ToString(), ["business"] = u.BusinessCode, ["from"] = u.FromDate?.ToString("yyyy-MM-dd"),
            ["plausibleName"] = u.PlausibleName, ["services"] = u.Services.Count > 1 ? string.Join(",", u.Services) : null,
        };
        foreach (var key in expected.Keys.Where(k => !actual.ContainsKey(k))) Assert.Fail($"unknown key '{key}' in spec '{spec}'");
        var wrong = actual.Where(a => expected.TryGetValue(a.Key, out var e) ? e != a.Value : strict && a.Key != "intent" && a.Value is not null)
            .Select(a => $"{a.Key}: expected {expected.GetValueOrDefault(a.Key) ?? "null"}, got {a.Value ?? "null"}").ToArray();
        Assert.True(wrong.Length == 0, $"'{text}' → {string.Join("; ", wrong)}");
    }

    public static string IntentName(Intent intent) => intent switch
    {
        Intent.ConfirmYes => "confirm_yes",
        Intent.ConfirmNo => "confirm_no",
        _ => intent.ToString().ToLowerInvariant(),
    };

    private static Dictionary<string, string?> Parse(string spec)
    {
        var result = new Dictionary<string, string?>();
        foreach (var part in spec.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) result["intent"] = part;
            else result[part[..eq]] = part[(eq + 1)..] is "null" ? null : part[(eq + 1)..];
        }
        return result;
    }
}
