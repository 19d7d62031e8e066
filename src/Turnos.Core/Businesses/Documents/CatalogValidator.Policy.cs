namespace Turnos.Core.Businesses.Documents;

public static partial class CatalogValidator
{
    private static Persona ValidatePersona(PersonaDocument? p, string path, List<CatalogError> errors)
    {
        if (p is null) return Persona.Default;
        var botName = string.IsNullOrWhiteSpace(p.BotName) ? Persona.Default.BotName : p.BotName.Trim();
        if (botName.Length > 40) errors.Add(new($"{path}.botName", "must be at most 40 characters"));
        foreach (var (field, text) in new[] { ("greeting", p.Greeting), ("farewell", p.Farewell), ("unknownPhrase", p.UnknownPhrase) })
            if (text?.Length > 500) errors.Add(new($"{path}.{field}", "must be at most 500 characters"));
        return new Persona(botName, Blank(p.Greeting), Blank(p.Farewell), Blank(p.UnknownPhrase))
        {
            En = ValidatePersonaTexts(p.En, $"{path}.en", errors),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static BookingPolicy ValidatePolicy(PolicyDocument p, string path, List<CatalogError> errors)
    {
        var defaults = new BookingPolicy();
        var policy = new BookingPolicy(
            p.SlotIntervalMinutes ?? defaults.SlotIntervalMinutes,
            p.MinimumNoticeMinutes ?? defaults.MinimumNoticeMinutes,
            p.MaximumHorizonDays ?? defaults.MaximumHorizonDays,
            p.BufferBeforeMinutes ?? defaults.BufferBeforeMinutes,
            p.BufferAfterMinutes ?? defaults.BufferAfterMinutes)
        {
            AllowBookingWithoutEmail = p.AllowBookingWithoutEmail ?? false,
            RemindersMinutesBefore = ValidateReminders(p.RemindersMinutesBefore, $"{path}.remindersMinutesBefore", errors),
        };
        if (!BookingPolicy.AllowedIntervals.Contains(policy.SlotIntervalMinutes))
            errors.Add(new($"{path}.slotIntervalMinutes", $"must be 15, 30 or 60, not {policy.SlotIntervalMinutes}"));
        if (policy.MinimumNoticeMinutes is < 0 or > 60 * 24 * 30)
            errors.Add(new($"{path}.minimumNoticeMinutes", "must be between 0 and 43200 (30 days)"));
        if (policy.MaximumHorizonDays is < 1 or > 365)
            errors.Add(new($"{path}.maximumHorizonDays", "must be between 1 and 365"));
        CheckBuffer(policy.BufferBeforeMinutes, $"{path}.bufferBeforeMinutes", errors);
        CheckBuffer(policy.BufferAfterMinutes, $"{path}.bufferAfterMinutes", errors);
        return policy;
    }

    private const int MaxReminders = 5, LatestReminderMinutes = 60 * 24 * 30;

    private static IReadOnlyList<int> ValidateReminders(List<int?>? minutes, string path, List<CatalogError> errors)
    {
        if (minutes is null) return BookingPolicy.DefaultReminders;
        if (minutes.Count > MaxReminders) errors.Add(new(path, $"must list at most {MaxReminders} reminders, not {minutes.Count}"));
        for (var i = 0; i < minutes.Count; i++)
        {
            if (minutes[i] is not { } m) errors.Add(new($"{path}[{i}]", "must be a number of minutes"));
            else if (m is < 1 or > LatestReminderMinutes) errors.Add(new($"{path}[{i}]", $"must be between 1 and {LatestReminderMinutes} (30 days), not {m}"));
            else if (minutes.IndexOf(m) < i) errors.Add(new($"{path}[{i}]", $"repeats {m}"));
        }
        return [.. minutes.OfType<int>().Distinct().OrderDescending()];
    }

    private static void CheckBuffer(int minutes, string path, List<CatalogError> errors)
    {
        if (minutes is < 0 or > 120 || minutes % 5 != 0) errors.Add(new(path, "must be a multiple of 5 between 0 and 120"));
    }
}
