using System.Text.RegularExpressions;

namespace Turnos.Core.Businesses.Documents;

/// <summary>The business's WhatsApp templates: a Content sid and a known field per numbered variable.</summary>
public static partial class CatalogValidator
{
    private const int MaxTemplateVariables = 10;

    private static WhatsAppTemplates ValidateTemplates(WhatsAppTemplatesDocument? doc, string path, List<CatalogError> errors) =>
        doc?.Reminder is { } reminder ? new WhatsAppTemplates(ValidateTemplate(reminder, $"{path}.reminder", errors)) : WhatsAppTemplates.None;

    private static WhatsAppTemplate? ValidateTemplate(TemplateDocument t, string path, List<CatalogError> errors)
    {
        var sid = t.ContentSid?.Trim();
        if (sid is null || !ContentSidPattern().IsMatch(sid))
            errors.Add(new($"{path}.contentSid", $"'{sid}' is not a Twilio Content sid (HX followed by 32 hex digits)"));
        var variables = new List<TemplateVariable>();
        if (t.Variables?.Count > MaxTemplateVariables)
            errors.Add(new($"{path}.variables", $"must map at most {MaxTemplateVariables} variables, not {t.Variables.Count}"));
        foreach (var (key, name) in t.Variables ?? [])
        {
            if (!VariableKeyPattern().IsMatch(key)) errors.Add(new($"{path}.variables", $"'{key}' is not a template variable number (1, 2, …)"));
            else if (TemplateFields.Parse(name) is not { } field)
                errors.Add(new($"{path}.variables.{key}", $"'{name}' is not a known field (known: {string.Join(", ", TemplateFields.Known)})"));
            else variables.Add(new TemplateVariable(key, field));
        }
        return sid is null ? null : new WhatsAppTemplate(sid, ValueList.Of(variables.OrderBy(v => int.TryParse(v.Key, out var n) ? n : 0)));
    }

    [GeneratedRegex("^HX[0-9a-fA-F]{32}$")]
    private static partial Regex ContentSidPattern();

    [GeneratedRegex("^[1-9][0-9]?$")]
    private static partial Regex VariableKeyPattern();
}
