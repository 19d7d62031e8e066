using OpenAI.Chat;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// A message's photos as Chat Completions image parts. Twilio's are read with the account's credentials and sent as data
/// (the model cannot open them); a chat message's links are public and sent as links. Low detail: enough to say what a
/// photo shows, quicker and cheaper. A photo that cannot be read is left out (and logged where it failed).
/// </summary>
internal static class PhotoParts
{
    public static async Task<IReadOnlyList<ChatMessageContentPart>> LoadAsync(IReadOnlyList<MessageAttachment> photos, TwilioMedia? media,
        CancellationToken ct)
    {
        var parts = await Task.WhenAll(photos.Select(photo => LoadAsync(photo, media, ct)));
        return [.. parts.OfType<ChatMessageContentPart>()];
    }

    private static async Task<ChatMessageContentPart?> LoadAsync(MessageAttachment photo, TwilioMedia? media, CancellationToken ct)
    {
        if (!photo.FromTwilio)
            return TwilioMedia.IsReadable(photo.ContentType) && Uri.TryCreate(photo.Url, UriKind.Absolute, out var link)
                ? ChatMessageContentPart.CreateImagePart(link, ChatImageDetailLevel.Low)
                : null;
        return media is not null && await media.GetAsync(photo.Url, ct) is { } content
            ? ChatMessageContentPart.CreateImagePart(content.Data, content.ContentType, ChatImageDetailLevel.Low)
            : null;
    }
}
