using System.Globalization;
using Turnos.Core;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.WhatsApp;

/// <summary>The fields of Twilio's messaging webhook that Turnos uses, with the <c>whatsapp:</c> prefixes removed; the media
/// (<c>MediaUrl0…</c>, <c>MediaContentType0…</c>, <c>NumMedia</c> of them) in <see cref="Media"/>.</summary>
public sealed record TwilioInbound(
    string From,
    string To,
    string MessageSid,
    string? ProfileName,
    string Text,
    int NumMedia)
{
    public const string WhatsAppPrefix = "whatsapp:";

    /// <summary>More than Twilio ever sends with one message (10): a larger NumMedia is not read further.</summary>
    private const int MaxMedia = 20;

    /// <summary>The media Twilio listed, in order; each is read with the account's credentials.</summary>
    public IReadOnlyList<MessageAttachment> Media { get; init; } = ValueList.Of<MessageAttachment>([]);

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
        return (new TwilioInbound(from!, Address(Field(form, "To")) ?? "", sid!, Field(form, "ProfileName"), text, media)
        {
            Media = ReadMedia(form, media),
        }, []);
    }

    // A medium without its URL is skipped; one without a type counts as a file the assistant cannot open.
    private static ValueList<MessageAttachment> ReadMedia(IReadOnlyDictionary<string, string> form, int count) =>
        ValueList.Of(Enumerable.Range(0, Math.Min(count, MaxMedia))
            .Select(i => (Url: Field(form, $"MediaUrl{i}"), Type: Field(form, $"MediaContentType{i}")))
            .Where(m => m.Url is not null)
            .Select(m => new MessageAttachment(m.Url!, m.Type ?? "application/octet-stream", FromTwilio: true)));

    /// <summary>A Twilio address without its channel prefix: <c>whatsapp:+14155238886</c> → <c>+14155238886</c>.</summary>
    public static string? Address(string? value) =>
        value is null ? null
        : value.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? value[WhatsAppPrefix.Length..].Trim()
        : value.Trim();

    private static string? Field(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => v is { Length: > 0 }) ?? "";
}
