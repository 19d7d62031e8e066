namespace Turnos.Core.Businesses;

/// <summary>What a template variable is filled with (its name in the catalog is the camel-case name).</summary>
public enum TemplateField { CustomerName, BusinessName, Service, Professional, Date, Time, Address, Code }

/// <summary>Template variable <paramref name="Key"/> ("1", "2", …, as in the approved template) gets <paramref name="Field"/>.</summary>
public sealed record TemplateVariable(string Key, TemplateField Field);

/// <summary>
/// A Twilio Content template approved by WhatsApp: outside the 24-hour customer-service window WhatsApp refuses free text
/// (Twilio error 63016), so a business-initiated message goes as <see cref="ContentSid"/> with its variables filled in.
/// </summary>
public sealed record WhatsAppTemplate(string ContentSid, IReadOnlyList<TemplateVariable> Variables);

/// <summary>The business's approved templates, per message Turnos starts; null: sent as plain text.</summary>
public sealed record WhatsAppTemplates(WhatsAppTemplate? Reminder = null)
{
    public static WhatsAppTemplates None { get; } = new();
}

public static class TemplateFields
{
    public static string Name(TemplateField field) => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];

    public static TemplateField? Parse(string? name) =>
        Enum.GetValues<TemplateField>().Cast<TemplateField?>().FirstOrDefault(f => Name(f!.Value) == name?.Trim());

    public static IEnumerable<string> Known => Enum.GetValues<TemplateField>().Select(Name);
}
