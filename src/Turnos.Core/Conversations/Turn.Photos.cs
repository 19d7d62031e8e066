namespace Turnos.Core.Conversations;

/// <summary>
/// What came with the message besides its words. Photos a language model looked at are acknowledged by what they show,
/// and the conversation goes on. Photos nobody could look at (no model, or it failed) are promised to a person of the
/// business and the conversation is flagged for one — <see cref="ConversationState.HandoffRequested"/>, which lists it
/// for the business and does not stop the assistant — and the conversation goes on too. Voice notes, videos and other
/// files get a short request to write instead.
/// </summary>
internal sealed partial class Turn
{
    /// <returns>How many photos are left for a person. The flag is set once the rest of the turn is decided, since a
    /// "gracias" in the same message starts the conversation over.</returns>
    private int NoteAttachments()
    {
        if (u.Attachments is not { } a) return 0;
        var forPerson = 0;
        if (a.Images > 0)
        {
            if (u.PhotoSummary is { } seen) Say(R.PhotosSeen(seen, a.Images + a.ImagesDropped, a.ImagesDropped > 0 ? Attachments.MaxImages : null));
            else
            {
                Say(R.PhotosForPerson(Business, a.Images + a.ImagesDropped));
                forPerson = a.Images + a.ImagesDropped;
            }
        }
        if (a.HasUnreadable()) Say(R.CannotOpen(a));
        return forPerson;
    }
}
