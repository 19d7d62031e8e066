using System.Text.RegularExpressions;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Chat;

/// <summary>
/// The source system's vision input: image links in a chat message ("¿Pueden replicar este diseño? https://…/foto.jpg Para
/// el viernes"), known by the path's extension (.jpg, .jpeg, .png, .gif, .webp). They come out of the text, so the words are
/// read without them (a link's digits are no date), and go to the conversation as the message's photos, links as given:
/// public, so a language model is handed the link. Every one is counted (more than ten are counted as photos not looked at).
/// </summary>
public static partial class ChatImageLinks
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif", [".webp"] = "image/webp",
    };

    // A link ends at white space; punctuation that closes a sentence or a bracket is not part of it.
    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    /// <summary>The text without its image links (spacing tidied) and the links, in order.</summary>
    public static (string Text, IReadOnlyList<MessageAttachment> Images) Extract(string message)
    {
        var images = new List<MessageAttachment>();
        var text = Link().Replace(message, match =>
        {
            var link = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', '\'', '»');
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !Types.TryGetValue(Path.GetExtension(uri.AbsolutePath), out var type))
                return match.Value;
            // As written: a signed link must stay byte for byte what was signed.
            images.Add(new MessageAttachment(link, type));
            return match.Value[link.Length..];
        });
        return images.Count == 0 ? (message, []) : (Spaces().Replace(text, " ").Trim(), images);
    }
}
