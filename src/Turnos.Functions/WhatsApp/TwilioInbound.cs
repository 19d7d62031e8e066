using System.Globalization;

namespace Turnos.Functions.WhatsApp;

/// <summary>The fields of Twilio's messaging webhook that Turnos uses, with the <c>whatsapp:</c> prefixes removed.</summary>
public sealed record TwilioInbound(
    string From,
    string To,
    string MessageSid,
    string? ProfileName,
    string Text,
    int NumMedia)
{
    public const string WhatsAppPrefix = "whatsapp:";

    /// <summary>The inbound message, or the names of the required fields that are missing.</summary>
    public static (TwilioInbound? Message, IReadOnlyList<string> Missing) Parse(IReadOnlyDictionary<string, string> form)
    {
        var from = Address(Field(form, "From"));
        // WaId is the sender's number without '+'; it stands in for a From that is not a number.
        if (from is { Length: > 0 } && !from.StartsWith('+') && Field(form, "WaId") is { Length: > 0 } waId) from = "+" + waId;
        var sid = Field(form, "MessageSid");
        var missing = new List<string>();
        if (string.IsNullOrEmpty(from)) missing.Add("From");
        if (string.IsNullOrEmpty(sid)) missing.Add("MessageSid");
        if (missing.Count > 0) return (null, missing);

        // A quick-reply button sends its text as Body; the payload is the fallback when Body is empty.
        var text = FirstNonEmpty(Field(form, "Body"), Field(form, "ButtonText"), Field(form, "ButtonPayload"));
        var media = int.TryParse(Field(form, "NumMedia"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return (new TwilioInbound(from!, Address(Field(form, "To")) ?? "", sid!, Field(form, "ProfileName"), text, media), []);
    }

    /// <summary>A Twilio address without its channel prefix: <c>whatsapp:+14155238886</c> → <c>+14155238886</c>.</summary>
    public static string? Address(string? value) =>
        value is null ? null
        : value.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? value[WhatsAppPrefix.Length..].Trim()
        : value.Trim();

    private static string? Field(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => v is { Length: > 0 }) ?? "";
}
