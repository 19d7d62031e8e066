using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>What the assistant says about what came with a message (see Turn.Photos).</summary>
internal abstract partial class ReplyTexts
{
    /// <summary>Photos a language model looked at: what they show (<paramref name="summary"/> completes "Veo …").</summary>
    /// <param name="lookedAt">Set when there were more photos than it looks at: how many it looked at (the first ones).</param>
    public abstract string PhotosSeen(string summary, int photos, int? lookedAt);

    /// <summary>Photos nobody could look at: a person of the business will.</summary>
    public abstract string PhotosForPerson(Business b, int photos);

    /// <summary>Voice notes, videos or files: they cannot be taken in, so please write.</summary>
    public abstract string CannotOpen(Attachments a);
}

internal sealed partial class SpanishReplyTexts
{
    public override string PhotosSeen(string summary, int photos, int? lookedAt) =>
        $"📸 ¡Gracias por {(photos == 1 ? "la foto" : "las fotos")}! Veo {summary}."
        + (lookedAt is { } n ? $" Solo puedo mirar {n} fotos por mensaje, así que miré las primeras {n}." : "");

    public override string PhotosForPerson(Business b, int photos) =>
        $"📸 ¡Gracias por {(photos == 1 ? "la foto" : "las fotos")}! Una persona del equipo de *{b.Name}* "
        + $"{(photos == 1 ? "la" : "las")} va a revisar. Mientras tanto, sigamos por aquí.";

    public override string CannotOpen(Attachments a)
    {
        var what = new List<string>();
        if (a.Audio) what.Add("escuchar audios");
        if (a.Video) what.Add("ver videos");
        if (a.Files) what.Add("abrir archivos");
        var list = what.Count == 1 ? what[0] : string.Join(", ", what.SkipLast(1)) + " ni " + what[^1];
        return $"Por ahora no puedo {list} 🙏 ¿Me lo escribes, por favor?";
    }
}

internal sealed partial class EnglishReplyTexts
{
    public override string PhotosSeen(string summary, int photos, int? lookedAt) =>
        $"📸 Thanks for the {(photos == 1 ? "photo" : "photos")}! I can see {summary}."
        + (lookedAt is { } n ? $" I can only look at {n} photos per message, so I looked at the first {n}." : "");

    public override string PhotosForPerson(Business b, int photos) =>
        $"📸 Thanks for the {(photos == 1 ? "photo" : "photos")}! A person from the *{b.Name}* team will take a look at "
        + $"{(photos == 1 ? "it" : "them")}. Meanwhile, let's keep going here.";

    public override string CannotOpen(Attachments a)
    {
        var what = new List<string>();
        if (a.Audio) what.Add("listen to voice messages");
        if (a.Video) what.Add("watch videos");
        if (a.Files) what.Add("open files");
        var list = what.Count == 1 ? what[0] : string.Join(", ", what.SkipLast(1)) + " or " + what[^1];
        return $"I can't {list} yet 🙏 Could you write it to me, please?";
    }
}
