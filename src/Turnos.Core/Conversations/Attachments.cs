namespace Turnos.Core.Conversations;

/// <summary>
/// What came with a message besides its words, counted: photos (WhatsApp media, image links in a chat message) and what
/// the assistant cannot take in (voice notes, videos, other files). Where the media are is the app's business, not the
/// turn's. At most <see cref="MaxImages"/> photos of a message are looked at, as in the source system; the rest are
/// counted in <see cref="ImagesDropped"/>.
/// </summary>
public sealed record Attachments(int Images = 0, int ImagesDropped = 0, bool Audio = false, bool Video = false, bool Files = false)
{
    public const int MaxImages = 10;

    /// <summary>The attachments of a message with these media types (MIME, parameters allowed); null for none.</summary>
    public static Attachments? Of(IEnumerable<string?> contentTypes)
    {
        var (images, audio, video, files) = (0, false, false, false);
        foreach (var type in contentTypes)
        {
            var media = MediaType(type);
            if (media.StartsWith("image/", StringComparison.Ordinal)) images++;
            else if (media.StartsWith("audio/", StringComparison.Ordinal)) audio = true;
            else if (media.StartsWith("video/", StringComparison.Ordinal)) video = true;
            else files = true;
        }
        return images == 0 && !audio && !video && !files
            ? null
            : new(Math.Min(images, MaxImages), Math.Max(0, images - MaxImages), audio, video, files);
    }

    /// <summary>Whether a media type is a photo ("image/jpeg; charset=…" included).</summary>
    public static bool IsImage(string? contentType) => MediaType(contentType).StartsWith("image/", StringComparison.Ordinal);

    /// <summary>Whether something came that the assistant cannot take in at all.</summary>
    public bool HasUnreadable() => Audio || Video || Files;

    private static string MediaType(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
}
