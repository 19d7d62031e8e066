using System.Text;
using System.Xml;
using System.Xml.Linq;
using Twilio.TwiML;

namespace Turnos.Functions.WhatsApp;

/// <summary>The TwiML answer to a messaging webhook: one &lt;Message&gt; per text, each within WhatsApp's limit.</summary>
public static class TwiML
{
    public const string ContentType = "application/xml; charset=utf-8";

    /// <summary>Twilio refuses longer message bodies.</summary>
    public const int MaxMessageLength = 1600;

    public static string Response(IEnumerable<string> replies)
    {
        var response = new MessagingResponse();
        foreach (var part in replies.SelectMany(r => Split(XmlSafe(r))))
            response.Message(part);
        return response.ToString(SaveOptions.DisableFormatting);
    }

    public static IResult Result(IEnumerable<string> replies) => Results.Text(Response(replies), ContentType, Encoding.UTF8);

    /// <summary>Cuts a text longer than <paramref name="max"/> at the last paragraph break that fits, else the
    /// last line break, else the last space, else anywhere (but never inside a surrogate pair).</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxMessageLength)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = LastBreak(rest, "\n\n", max) ?? LastBreak(rest, "\n", max) ?? LastBreak(rest, " ", max) ?? HardCut(rest, max);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) parts.Add(rest);
        return parts;
    }

    private static int? LastBreak(string text, string separator, int max)
    {
        var at = text.LastIndexOf(separator, max, StringComparison.Ordinal);
        return at > 0 ? at : null;
    }

    private static int HardCut(string text, int max) => char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;

    // Characters XML 1.0 cannot carry (most control characters, lone surrogates) would make the writer throw.
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => !XmlConvert.IsXmlChar(c))) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text, i++, 2);
        }
        return safe.ToString();
    }
}
